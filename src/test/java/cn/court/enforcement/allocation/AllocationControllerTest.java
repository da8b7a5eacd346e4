package cn.court.enforcement.allocation;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import cn.court.enforcement.security.ApiRefusal;
import cn.court.enforcement.security.CurrentStaff;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

class AllocationControllerTest {

  private final IdentityService identity = mock(IdentityService.class);
  private final ChainVerifier verifier = mock(ChainVerifier.class);
  private final AllocationDrawRepository draws = mock(AllocationDrawRepository.class);
  private final FairnessService fairness = mock(FairnessService.class);
  private MockMvc mvc;

  @BeforeEach
  void setUp() {
    mvc = MockMvcBuilders.standaloneSetup(
        new AllocationController(new CurrentStaff(identity), verifier, draws, fairness))
        .setControllerAdvice(new ApiRefusal.Handler()).build();
  }

  private void signedIn(String user, String... groups) {
    when(identity.getCurrentAuthentication()).thenReturn(new Authentication(user, List.of(groups)));
  }

  @Test
  void noUserIs401() throws Exception {
    mvc.perform(get("/api/allocation/verification"))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.message").value("请先登录。"));
  }

  @Test
  void aTeamMemberIs403() throws Exception {
    signedIn("zhouyuan", "ordinary-team-1");

    mvc.perform(get("/api/allocation/draws"))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.message").value("仅执行局领导、执行指挥中心和系统管理员可查看分案审计"));
  }

  @Test
  void theCommandCenterSeesTheVerification() throws Exception {
    signedIn("wanghui", "command-center", "auction");
    when(verifier.verify()).thenReturn(new ChainVerification(true, 3, 3, "ab", null, null,
        "全部3条分案记录完整，未发现篡改、删除或调换"));

    mvc.perform(get("/api/allocation/verification"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.ok").value(true))
        .andExpect(jsonPath("$.message").value("全部3条分案记录完整，未发现篡改、删除或调换"));
  }

  @Test
  void aBadLimitIsAChinese400() throws Exception {
    signedIn("admin", "camunda-admin");

    mvc.perform(get("/api/allocation/draws").param("limit", "many"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.message").value("参数 limit 的值无效：many"));
  }

  @Test
  void theDrawOfACaseShowsItsListsAsJson() throws Exception {
    signedIn("chenyanling", "bureau-leaders");
    String caseNumber = "（2026）豫0000执1号";
    when(draws.findByCaseNumber(caseNumber)).thenReturn(Optional.of(DrawRecord.link(1, caseNumber,
        "pi", "[\"ordinary-team-1\",\"ordinary-team-2\"]", "{\"ordinary-team-3\":\"回避：亲属\"}", 1,
        "ordinary-team-2", Instant.parse("2026-03-14T02:00:00Z"), DrawRecord.GENESIS_HASH)));

    mvc.perform(get("/api/allocation/draws").param("caseNumber", caseNumber))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].chosenTeam").value("ordinary-team-2"))
        .andExpect(jsonPath("$[0].candidates[1]").value("ordinary-team-2"))
        .andExpect(jsonPath("$[0].excluded['ordinary-team-3']").value("回避：亲属"))
        .andExpect(jsonPath("$[0].drawnAt").value("2026-03-14T02:00:00Z"));
  }
}
