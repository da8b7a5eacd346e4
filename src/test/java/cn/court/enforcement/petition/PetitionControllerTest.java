package cn.court.enforcement.petition;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.court.enforcement.organisation.OrganisationTestData;
import cn.court.enforcement.security.ApiRefusal;
import cn.court.enforcement.security.CurrentStaff;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** A case's petitions over {@code /api/petitions}: for supervisors and the petitions unit only. */
class PetitionControllerTest {

  private static final String CASE = "（2026）豫0000执1234号";

  private final IdentityService identity = mock(IdentityService.class);
  private final PetitionRegistry petitions = mock(PetitionRegistry.class);
  private MockMvc mvc;

  @BeforeEach
  void setUp() throws Exception {
    mvc = MockMvcBuilders.standaloneSetup(new PetitionController(new CurrentStaff(identity), petitions, OrganisationTestData.demo()))
        .setControllerAdvice(new ApiRefusal.Handler()).build();
  }

  private void signedIn(String user, String... groups) {
    when(identity.getCurrentAuthentication()).thenReturn(new Authentication(user, List.of(groups)));
  }

  @Test
  void aTeamMemberIs403() throws Exception {
    signedIn("zhouyuan", "ordinary-team-1");

    mvc.perform(get("/api/petitions").param("caseNumber", CASE))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.message").value("仅执行局领导、执行指挥中心、执行信访和系统管理员可查看案件的信访"));
  }

  @Test
  void theCommandCenterReadsTheCasesPetitions() throws Exception {
    signedIn("wanghui", "command-center", "auction");
    when(petitions.ofCase(CASE)).thenReturn(List.of(new Petition(7, "pi-7", "procuratorate", "检察监督", "某县人民检察院",
        "某县人民检察院", "某检民执监〔2026〕12号", "recommendation", null, "建议查封车辆", LocalDate.of(2026, 3, 2), CASE,
        "liwenying", LocalDateTime.of(2026, 3, 2, 9, 30), "车辆未查封", "已查封", "某县人民检察院", "written", "adopted",
        LocalDate.of(2026, 3, 20), "heqi", 0, "liwenying", LocalDateTime.of(2026, 3, 21, 10, 0))));

    mvc.perform(get("/api/petitions").param("caseNumber", " " + CASE + " "))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].id").value(7))
        .andExpect(jsonPath("$[0].kindLabel").value("检察监督"))
        .andExpect(jsonPath("$[0].recommendationOutcome").value("adopted"))
        .andExpect(jsonPath("$[0].closedOff").value(true));
  }
}
