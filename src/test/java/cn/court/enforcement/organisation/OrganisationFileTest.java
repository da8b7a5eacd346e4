package cn.court.enforcement.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.court.enforcement.organisation.Organisation.Staff;
import cn.court.enforcement.organisation.Organisation.Unit;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrganisationFileTest {

  /** SPEC §1: group id → named members (pinyin ids), leader first. */
  static final Map<String, List<String>> SPEC_MEMBERS = Map.ofEntries(
      Map.entry("bureau-leaders", List.of("juzhang", "chenyanling")),
      Map.entry("judges", List.of("faguanjia", "faguanyi")),
      Map.entry("court-presidents", List.of("yuanzhang", "fuyuanzhang")),
      Map.entry("command-center", List.of("wanghui", "yangguoping")),
      Map.entry("filing", List.of("lianyuan")),
      Map.entry("intake", List.of("lilinxia")),
      Map.entry("network-control", List.of("wangyanjiao")),
      Map.entry("documents", List.of("yangguoping", "chengxinfeng", "dingyi", "zhengyaoxuan")),
      Map.entry("triage", List.of("siyonghao", "yangguoping")),
      Map.entry("intensive-affairs", List.of("wangjiansheng", "zhoujinxi", "songjiabin", "menghengrui",
          "chuibocheng", "zhangming", "zhouxinglin", "guoyilong")),
      Map.entry("auction", List.of("wanghui", "zhanghaitong", "male", "lifangfang")),
      Map.entry("petitions", List.of("liwenying", "heqi")),
      Map.entry("funds", List.of("heqi")),
      Map.entry("finance", List.of("caiwu")),
      Map.entry("publicity", List.of("yangguoping", "siyonghao")),
      Map.entry("termination", List.of("chenyanling", "xielixuan", "yangguoping")),
      Map.entry("archive", List.of("chenyanling", "xielixuan", "liyangyang", "lijinhong", "wanghuizhen", "guomin")),
      Map.entry("archives-office", List.of("danganyuan")),
      Map.entry("quick-team", List.of("yangguoping", "chengxinfeng", "dingyi", "zhengyaoxuan")),
      Map.entry("ordinary-team-1", List.of("zhouyuan", "hongjianjun", "rongxing", "zhengcunxi", "sunzhenchao")),
      Map.entry("ordinary-team-2", List.of("chenlei", "liudengfeng", "wuxiao", "chuicong", "zhanglongqi")),
      Map.entry("ordinary-team-3", List.of("jiaoyangbo", "lvzhanpeng", "lihaohui", "wangmengxiang")),
      Map.entry("ordinary-team-4", List.of("zhangdahui", "chuike", "shenyanhan", "liangbaixing")),
      Map.entry("ordinary-team-5", List.of("suguanfeng", "peixinpeng", "wangjiacheng", "malong")),
      Map.entry("process-designers", List.of("shejiyuan")));

  @Test
  void demoOrganisationHasEveryGroupAndMemberOfTheSpec() throws IOException {
    Organisation org = OrganisationTestData.demo();
    assertThat(org.units()).extracting(Unit::id).containsExactlyInAnyOrderElementsOf(SPEC_MEMBERS.keySet());
    SPEC_MEMBERS.forEach((group, members) -> {
      assertThat(org.membersOf(group)).as(group).extracting(Staff::id).containsExactlyInAnyOrderElementsOf(members);
      assertThat(org.unit(group).orElseThrow().name()).as(group).isNotBlank();
    });
    assertThat(org.leaderOf("ordinary-team-3")).contains("jiaoyangbo");
    assertThat(org.leaderOf("quick-team")).contains("yangguoping");
    assertThat(org.person("lilinxia").orElseThrow().name()).isEqualTo("李林霞");
    assertThat(org.leaderOf("court-presidents")).as("the president (院长)").contains("yuanzhang");
    assertThat(org.person("yangguoping").orElseThrow().groups()).hasSize(6);
    assertThat(org.units()).filteredOn(Unit::supervisor).extracting(Unit::id)
        .containsExactlyInAnyOrder("bureau-leaders", "command-center");
    assertThat(org.units()).filteredOn(Unit::designs).extracting(Unit::id).containsExactly("process-designers");
  }

  @Test
  void unknownGroupIsReportedWithItsLine() {
    assertRefused("""
        groups:
          - {id: intake, name: 接待, leader: a}
        users:
          - {id: a, name: 甲, groups: [intake]}
          - {id: b, name: 乙, groups: [intak]}
        """, "第 5 行", "'intak' 不存在");
  }

  @Test
  void duplicateUserIsReported() {
    assertRefused("""
        groups:
          - {id: intake, name: 接待, leader: a}
        users:
          - {id: a, name: 甲, groups: [intake]}
          - {id: a, name: 乙, groups: [intake]}
        """, "第 5 行", "用户 'a' 重复定义");
  }

  @Test
  void duplicateGroupIsReported() {
    assertRefused("""
        groups:
          - {id: intake, name: 接待, leader: a}
          - {id: intake, name: 接待二, leader: a}
        users:
          - {id: a, name: 甲, groups: [intake]}
        """, "第 3 行", "组 'intake' 重复定义");
  }

  @Test
  void missingLeaderIsReported() {
    assertRefused("""
        groups:
          - {id: intake, name: 接待}
        users:
          - {id: a, name: 甲, groups: [intake]}
        """, "第 2 行", "缺少必填字段 'leader'");
  }

  @Test
  void leaderWhoIsNotAMemberIsReported() {
    assertRefused("""
        groups:
          - {id: intake, name: 接待, leader: b}
        users:
          - {id: a, name: 甲, groups: [intake]}
          - {id: b, name: 乙, groups: []}
        """, "第 2 行", "负责人 'b' 不是该组成员");
  }

  /** The office phone told to parties (执行公开): optional, and a typo in it is caught at start-up. */
  @Test
  void groupPhoneIsOptionalAndChecked() throws IOException {
    Organisation org = OrganisationFile.parse(new StringReader("""
        groups:
          - {id: intake, name: 接待, leader: a, phone: 0371-12345678-801}
          - {id: triage, name: 分流, leader: a}
        users:
          - {id: a, name: 甲, groups: [intake, triage]}
        """), "org.yml");
    assertThat(org.unit("intake").orElseThrow().phone()).isEqualTo("0371-12345678-801");
    assertThat(org.unit("triage").orElseThrow().phone()).isNull();
    assertThat(OrganisationTestData.demo().unit("ordinary-team-3").orElseThrow().phone()).matches("0371-\\d{8}");
    assertRefused("""
        groups:
          - {id: intake, name: 接待, leader: a}
          - {id: triage, name: 分流, leader: a, phone: 电话待定}
        users:
          - {id: a, name: 甲, groups: [intake, triage]}
        """, "第 3 行", "组 triage 的电话 '电话待定' 格式不对");
  }

  @Test
  void misspelledFieldAndBrokenYamlAreReported() {
    assertRefused("""
        groups:
          - {id: intake, name: 接待, leder: a}
        users: []
        """, "第 2 行", "未知字段 'leder'");
    assertRefused("groups: [ {id: x", "不是有效的 YAML");
  }

  private static void assertRefused(String yaml, String... fragments) {
    assertThatThrownBy(() -> OrganisationFile.parse(new StringReader(yaml), "org.yml"))
        .isInstanceOf(OrganisationFileException.class)
        .message().startsWith("org.yml").contains(fragments);
  }
}
