package cn.court.enforcement.casepage;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The data of the case page {@code /court/case.html?caseNumber=…}, for whoever sees the case
 * ({@link CaseAccess}): its team and handler, the other units of its tasks, supervisors. Anyone
 * else 403, an unknown case number 404 (staff may know that a number exists; what it holds they
 * may not). {@code curl -u zhouyuan:*** 'http://localhost:8080/api/case-page?caseNumber=…'}.
 */
@RestController
@RequestMapping("/api/case-page")
public class CasePageController {

  private final CaseAccess access;
  private final CasePage page;

  public CasePageController(CaseAccess access, CasePage page) {
    this.access = access;
    this.page = page;
  }

  @GetMapping
  public CasePage.View ofCase(@RequestParam String caseNumber) {
    return page.of(access.readable(caseNumber, "只有本案的办案人员和监督部门可以查看案件 " + caseNumber.strip() + "。"));
  }
}
