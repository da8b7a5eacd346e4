package cn.court.enforcement.dossier;

import cn.court.enforcement.casepage.CaseAccess;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A case's dossier as the archive centre keeps it: the electronic catalogue and the key nodes
 * (material expected because the case reached the node, and material registered). Readable by
 * whoever sees the case ({@code casepage/CaseAccess}: the staff of its tasks and supervisors);
 * anyone else 403.
 * {@code curl -u liyangyang:*** 'http://localhost:8080/api/dossier/catalogue?caseNumber=…'}.
 */
@RestController
@RequestMapping("/api/dossier")
public class DossierController {

  private final CaseAccess caseAccess;
  private final DossierRegister register;
  private final KeyNodes keyNodes;

  public DossierController(CaseAccess caseAccess, DossierRegister register, KeyNodes keyNodes) {
    this.caseAccess = caseAccess;
    this.register = register;
    this.keyNodes = keyNodes;
  }

  @GetMapping("/catalogue")
  public List<CatalogueEntry> catalogue(@RequestParam String caseNumber) {
    return register.catalogueOf(readable(caseNumber));
  }

  /** Every key node: reached or not, how many hand-overs registered its material, missing when reached without. */
  @GetMapping("/key-nodes")
  public List<KeyNodes.KeyNodeView> keyNodes(@RequestParam String caseNumber) {
    String number = readable(caseNumber);
    return caseAccess.withoutAuthorization(() -> keyNodes.of(number));
  }

  private String readable(String caseNumber) {
    return caseAccess.readable(caseNumber, "只有本案的办案人员、卷宗管理中心和监督部门可以查看案件 " + caseNumber.strip() + " 的卷宗。")
        .caseNumber();
  }
}
