package cn.court.enforcement.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.court.enforcement.organisation.Organisation.Staff;
import cn.court.enforcement.security.AccessPolicy;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OrganisationSyncTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineExtension.builder()
      .configurationResource("identity.camunda.cfg.xml").build();

  IdentityService identity;
  AuthorizationService authorizations;

  @AfterEach
  void clean() {
    OrganisationTestData.forget(engine);
  }

  private void load(Organisation org) {
    identity = engine.getIdentityService();
    authorizations = engine.getAuthorizationService();
    new OrganisationSync(identity, "demo").apply(org);
    new AccessPolicy(authorizations).apply(org);
  }

  private List<String> groupsOf(String user) {
    return identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
  }

  @Test
  void everyGroupUserAndMembershipOfTheSpecIsLoaded() throws Exception {
    load(OrganisationTestData.demo());
    OrganisationFileTest.SPEC_MEMBERS.forEach((group, members) -> {
      assertThat(identity.createGroupQuery().groupId(group).singleResult()).as(group).isNotNull();
      assertThat(identity.createUserQuery().memberOfGroup(group).list()).as(group)
          .extracting(u -> u.getId()).containsExactlyInAnyOrderElementsOf(members);
    });
    assertThat(identity.createUserQuery().userId("lilinxia").singleResult().getFirstName()).isEqualTo("李林霞");
    assertThat(identity.checkPassword("lilinxia", "demo")).isTrue();
    assertThat(identity.createGroupQuery().groupId("ordinary-team-1").singleResult().getName()).isEqualTo("普执一团队");
  }

  @Test
  void loadingTwiceChangesNothing() throws Exception {
    Organisation org = OrganisationTestData.demo();
    load(org);
    List<String> before = snapshot();
    load(org);
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void removedMembershipAndUserDisappearAndAddedOnesAppear() throws Exception {
    Organisation org = OrganisationTestData.demo();
    load(org);
    List<Staff> staff = new ArrayList<>();
    for (Staff s : org.staff()) {
      if (s.id().equals("yangguoping")) {
        staff.add(new Staff(s.id(), s.name(), "13800000000",
            s.groups().stream().filter(g -> !g.equals("publicity")).toList()));
      } else if (!s.id().equals("malong")) {
        staff.add(s);
      }
    }
    staff.add(new Staff("xinren", "新人", null, List.of("ordinary-team-5")));
    load(new Organisation(org.units(), staff));

    assertThat(groupsOf("yangguoping")).doesNotContain("publicity").contains("quick-team");
    assertThat(identity.getUserInfo("yangguoping", "phone")).isEqualTo("13800000000");
    assertThat(identity.createUserQuery().userId("malong").singleResult()).isNull();
    assertThat(groupsOf("xinren")).containsExactly("ordinary-team-5");
  }

  @Test
  void administratorsOutsideTheFileAreKept() throws Exception {
    identity = engine.getIdentityService();
    identity.saveGroup(identity.newGroup(Organisation.ADMIN_GROUP));
    identity.saveUser(identity.newUser("root"));
    identity.createMembership("root", Organisation.ADMIN_GROUP);
    load(OrganisationTestData.demo());
    assertThat(groupsOf("root")).containsExactly(Organisation.ADMIN_GROUP);
  }

  @Test
  void supervisorsGetCockpitAndStaffOnlyTasklist() throws Exception {
    load(OrganisationTestData.demo());
    assertThat(authorizations.isUserAuthorized("lilinxia", List.of("intake"), Permissions.ACCESS,
        Resources.APPLICATION, "tasklist")).isTrue();
    assertThat(authorizations.isUserAuthorized("lilinxia", List.of("intake"), Permissions.ACCESS,
        Resources.APPLICATION, "cockpit")).isFalse();
    assertThat(authorizations.isUserAuthorized("wanghui", List.of("command-center"), Permissions.ACCESS,
        Resources.APPLICATION, "cockpit")).isTrue();
    assertThat(authorizations.isUserAuthorized("wanghui", List.of("command-center"), Permissions.READ,
        Resources.PROCESS_INSTANCE, "any-instance")).isTrue();
    assertThat(authorizations.isUserAuthorized("lianyuan", List.of("filing"), Permissions.CREATE_INSTANCE,
        Resources.PROCESS_DEFINITION, "enforcement-case")).isTrue();
    assertThat(authorizations.isUserAuthorized("lilinxia", List.of("intake"), Permissions.CREATE_INSTANCE,
        Resources.PROCESS_DEFINITION, "enforcement-case")).isFalse();
  }

  private List<String> snapshot() {
    List<String> rows = new ArrayList<>();
    identity.createUserQuery().orderByUserId().asc().list().forEach(u -> rows.add("user " + u.getId() + " " + u.getFirstName()));
    identity.createGroupQuery().orderByGroupId().asc().list().forEach(g -> rows.add("group " + g.getId() + " "
        + identity.createUserQuery().memberOfGroup(g.getId()).orderByUserId().asc().list().stream().map(u -> u.getId()).toList()));
    for (Authorization a : authorizations.createAuthorizationQuery().orderByResourceType().asc().orderByResourceId().asc().list()) {
      rows.add("auth " + a.getId() + " " + a.getGroupId() + " " + a.getResourceType() + " " + a.getResourceId());
    }
    return rows;
  }
}
