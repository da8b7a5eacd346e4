package cn.court.enforcement.petition;

import cn.court.enforcement.casefile.FilingValidator;
import cn.court.enforcement.organisation.Organisation;
import cn.court.enforcement.security.CurrentStaff;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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

  static final String PETITIONS_UNIT = "petitions";

  private final CurrentStaff currentStaff;
  private final PetitionRegistry petitions;
  /** The organisation's supervising units, the petitions unit and the administrators. */
  private final Set<String> readers;

  public PetitionController(CurrentStaff currentStaff, PetitionRegistry petitions, Organisation organisation) {
    this.currentStaff = currentStaff;
    this.petitions = petitions;
    this.readers = Stream.concat(Stream.of(PETITIONS_UNIT, Organisation.ADMIN_GROUP),
        organisation.units().stream().filter(Organisation.Unit::supervisor).map(Organisation.Unit::id))
        .collect(Collectors.toUnmodifiableSet());
  }

  @GetMapping
  public List<Petition> ofCase(@RequestParam String caseNumber) {
    currentStaff.inAnyOf(readers, "仅执行局领导、执行指挥中心、执行信访和系统管理员可查看案件的信访");
    return petitions.ofCase(FilingValidator.requestedCaseNumber(caseNumber));
  }
}
