package cn.court.enforcement.petition;

import cn.court.enforcement.security.CurrentStaff;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A case's petitions for supervisors and the petitions unit, oldest first:
 * {@code curl -u wanghui:*** 'http://localhost:8080/api/petitions?caseNumber=（2026）豫0000执1234号'}.
 */
@RestController
@RequestMapping("/api/petitions")
public class PetitionController {

  static final Set<String> READERS = Set.of("bureau-leaders", "command-center", "petitions", "camunda-admin");

  private final CurrentStaff currentStaff;
  private final PetitionRegistry petitions;

  public PetitionController(CurrentStaff currentStaff, PetitionRegistry petitions) {
    this.currentStaff = currentStaff;
    this.petitions = petitions;
  }

  @GetMapping
  public List<Petition> ofCase(@RequestParam String caseNumber) {
    currentStaff.inAnyOf(READERS, "仅执行局领导、执行指挥中心、执行信访和系统管理员可查看案件的信访");
    return petitions.ofCase(caseNumber.strip());
  }
}
