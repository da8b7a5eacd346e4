package cn.court.enforcement.disclosure;

import cn.court.enforcement.casefile.CaseFiling;
import cn.court.enforcement.casefile.CaseRegistry;
import cn.court.enforcement.casefile.FilingValidator;
import cn.court.enforcement.security.ApiRefusal;
import cn.court.enforcement.security.CurrentStaff;
import cn.court.enforcement.termination.CaseRecords;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The query code on the acceptance notice (受理通知书), for the filing division and the
 * disclosure unit (执行公开及执行咨询). There is no printed notice in the processes, so the
 * notice page {@code /court/acceptance-notice.html?caseNumber=…} shows the code generated at
 * filing the first time it is opened, and never again; a lost code is replaced by a new one
 * ({@code POST}, HTTP Basic: the webapp session only reads), which makes the old one useless. A case
 * filed before codes existed (V17) has none until the same {@code POST} issues its first.
 */
@RestController
@EnableConfigurationProperties(DisclosureProperties.class)
@RequestMapping("/api/disclosure/acceptance-notice")
public class AcceptanceNoticeController {

  /** Who hands the code to applicants: the filing division at filing, the disclosure unit when one is lost. */
  static final List<String> ISSUERS = List.of("filing", "publicity");
  /** Sent by the notice page's fetch (acceptance-notice.js), as JavaScript libraries do. */
  static final String PAGE_HEADER = "X-Requested-With";

  private final CurrentStaff currentStaff;
  private final CaseRegistry registry;
  private final QueryCodes codes;
  private final CaseRecords records;
  private final DisclosureProperties properties;

  public AcceptanceNoticeController(CurrentStaff currentStaff, CaseRegistry registry, QueryCodes codes, CaseRecords records,
      DisclosureProperties properties) {
    this.currentStaff = currentStaff;
    this.registry = registry;
    this.codes = codes;
    this.records = records;
    this.properties = properties;
  }

  /**
   * The notice: {@code queryCode} is there the first time only; after that {@code printedAt} says when.
   * {@code codeIssued} false: the case has no code yet (filed before V17). {@code queryPage} is the
   * configured public address, or the path on this server when none is configured.
   */
  public record Notice(String caseNumber, String court, LocalDate filingDate, List<String> applicants, String queryCode,
      boolean codeIssued, LocalDateTime printedAt, String queryPage) {}

  @GetMapping
  @Transactional
  public Notice print(@RequestParam String caseNumber, @RequestHeader(name = PAGE_HEADER, required = false) String page) {
    String number = filed(caseNumber, page);
    String code = codes.takeForNotice(number).orElse(null);
    return notice(number, code);
  }

  @PostMapping
  @Transactional
  public Notice reissue(@RequestParam String caseNumber, @RequestHeader(name = PAGE_HEADER, required = false) String page) {
    String number = filed(caseNumber, page);
    codes.issue(number);
    return notice(number, codes.takeForNotice(number).orElseThrow());
  }

  private Notice notice(String caseNumber, String code) {
    List<String> applicants = CaseDisclosure.names(registry.parties(caseNumber), CaseFiling.APPLICANT);
    LocalDateTime printedAt = code == null ? codes.printedAt(caseNumber).orElse(null) : null;
    String configured = properties.queryPageUrl();
    String queryPage = configured == null || configured.isBlank() ? "/public/disclosure.html" : configured;
    return new Notice(caseNumber, properties.courtName(), records.filingDate(caseNumber).orElse(null), applicants, code,
        code != null || printedAt != null, printedAt, queryPage);
  }

  /**
   * Both requests use a code up (print shows it once, reissue voids the old one), so they must come
   * from the notice page's own script: a link or form on another site, which the browser sends with
   * the session cookie or cached HTTP Basic credentials, cannot set a header, nor can a script there
   * without a CORS preflight this server never allows.
   */
  private String filed(String caseNumber, String page) {
    currentStaff.inAnyOf(ISSUERS, "只有立案庭和执行公开及执行咨询人员可以打印查询码。");
    if (page == null) {
      throw new ApiRefusal(HttpStatus.BAD_REQUEST, "请在受理通知书页面（/court/acceptance-notice.html）打开查询码。");
    }
    String number = FilingValidator.requestedCaseNumber(caseNumber);
    if (!registry.exists(number)) {
      throw new ApiRefusal(HttpStatus.NOT_FOUND, "案件 " + number + " 不存在。");
    }
    return number;
  }
}
