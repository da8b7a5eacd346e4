package cn.court.enforcement.demo;

import cn.court.enforcement.casefile.IdNumbers;
import cn.court.enforcement.casefile.PartyVariables;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Realistic filing data for demo case {@code serial}: Chinese names, Henan addresses, ID numbers
 * and credit codes with correct check characters, varied amounts. Deterministic per serial.
 */
public final class DemoFilings {

  static final String COURT_CODE = "豫0000";

  private static final List<String> SURNAMES = List.of("王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴",
      "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "郑");
  private static final List<String> GIVEN_NAMES = List.of("建国", "秀兰", "志强", "丽娟", "国庆", "红霞", "海涛", "桂英",
      "永刚", "晓燕", "文博", "春梅", "振华", "淑芬", "俊杰", "玉兰", "明亮", "雪梅", "新民", "慧敏", "德胜", "静怡");
  private static final List<String> COMPANIES = List.of("郑州宏达建材有限公司", "河南中原锦程物流有限公司",
      "洛阳鑫源机械制造有限公司", "新乡市恒通商贸有限公司", "许昌瑞丰发制品有限公司", "开封金汇置业有限公司",
      "南阳卧龙农业开发有限公司", "平顶山众鑫煤业有限公司", "安阳华宇钢构工程有限公司", "商丘豫东粮油贸易有限公司");
  /** District codes of Henan (first six digits of a resident ID) with their address prefixes. */
  private static final List<String[]> DISTRICTS = List.of(
      new String[] {"410105", "河南省郑州市金水区"}, new String[] {"410102", "河南省郑州市中原区"},
      new String[] {"410182", "河南省荥阳市"}, new String[] {"410181", "河南省巩义市"},
      new String[] {"410302", "河南省洛阳市老城区"}, new String[] {"410703", "河南省新乡市卫滨区"},
      new String[] {"411002", "河南省许昌市魏都区"}, new String[] {"411302", "河南省南阳市宛城区"},
      new String[] {"410202", "河南省开封市龙亭区"}, new String[] {"410502", "河南省安阳市文峰区"});
  private static final List<String> STREETS = List.of("花园路", "人民路", "建设路", "中州大道", "解放路", "文化路",
      "工业园区纬二路", "黄河路", "农业路", "友爱路");
  private static final String CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

  private DemoFilings() {
  }

  /** Demo case numbers start here: （2026）豫0000执9001号 … */
  public static final int FIRST_SERIAL = 9001;

  public static String caseNumber(int serial) {
    return "（2026）" + COURT_CODE + "执" + serial + "号";
  }

  /** The start form data of case {@code serial}, as the filing clerk enters it. */
  public static Map<String, Object> filing(int serial, LocalDate filed) {
    int n = Math.floorMod(serial - FIRST_SERIAL, 10_000);
    return filing(serial, filed, "1" + (3 + n % 7) + "%09d".formatted(837_100_000 + n * 7919L % 100_000_000));
  }

  /**
   * The same with the applicant's phone number given. Every fourth case also has a guarantor
   * (担保人) among its respondents, so lists and pickers show several.
   */
  public static Map<String, Object> filing(int serial, LocalDate filed, String applicantPhone) {
    int n = Math.floorMod(serial - FIRST_SERIAL, 10_000);
    String[] applicantHome = DISTRICTS.get(n % DISTRICTS.size());
    String[] respondentHome = DISTRICTS.get((n * 3 + 4) % DISTRICTS.size());
    Map<String, Object> vars = new HashMap<>();
    vars.put("caseNumber", caseNumber(serial));
    vars.put("filingDate", filed.toString());
    vars.put("caseKind", n % 7 == 6 ? "property-transfer" : "money-payment");
    vars.put("nonLitigation", n % 10 == 9);
    vars.put("amountClaimed", amount(n));
    vars.put("applicantCount", 1);
    vars.put("applicant1", PartyVariables.json(Map.of("name", person(n),
        "idNumber", residentId(applicantHome[0], LocalDate.of(1960 + n % 35, 1 + n % 12, 1 + n % 28), n),
        "phone", applicantPhone, "address", address(applicantHome[1], n))));
    List<Map<String, String>> respondents = new ArrayList<>();
    if (n % 3 != 1) {
      respondents.add(Map.of("name", COMPANIES.get(n % COMPANIES.size()), "legalRepresentative", person(n + 23),
          "idNumber", creditCode(respondentHome[0], n), "address", address(respondentHome[1], n + 5)));
    } else {
      respondents.add(Map.of("name", person(n + 11),
          "idNumber", residentId(respondentHome[0], LocalDate.of(1965 + n % 30, 12 - n % 12, 28 - n % 27), n + 500),
          "phone", "0371-6" + "%07d".formatted(5_550_000 + n * 37), "address", address(respondentHome[1], n + 5)));
    }
    if (n % 4 == 0) {
      respondents.add(Map.of("name", person(n + 17),
          "idNumber", residentId(respondentHome[0], LocalDate.of(1970 + n % 25, 1 + n % 12, 1 + n % 27), n + 700),
          "address", address(respondentHome[1], n + 9)));
    }
    vars.put("respondentCount", respondents.size());
    for (int i = 0; i < respondents.size(); i++) {
      vars.put("respondent" + (i + 1), PartyVariables.json(respondents.get(i)));
    }
    vars.put("basisDocumentNumber", "（2025）" + COURT_CODE + "民初" + (3000 + n * 47) + "号");
    vars.put("basisCourt", n % 4 == 3 ? "郑州仲裁委员会" : "本院");
    vars.put("basisType", n % 4 == 3 ? "arbitration" : n % 4 == 2 ? "mediation" : "judgment");
    vars.put("propertyClues", n % 2 == 0 ? "被执行人在中国工商银行郑州分行开有账户；名下有一辆小型轿车" : "");
    return vars;
  }

  static double amount(int n) {
    long[] bases = {18_600, 52_300, 126_800, 340_000, 87_450, 1_250_000, 23_900, 465_720};
    return bases[n % bases.length] + n * 130.5;
  }

  private static String person(int n) {
    return SURNAMES.get(n * 7 % SURNAMES.size()) + GIVEN_NAMES.get(n * 5 % GIVEN_NAMES.size());
  }

  private static String address(String prefix, int n) {
    return prefix + STREETS.get(n % STREETS.size()) + (8 + n * 13 % 190) + "号";
  }

  /** GB 11643 number: district, birth date, sequence, and the one check character that fits. */
  static String residentId(String district, LocalDate birth, int sequence) {
    String body = district + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + "%03d".formatted(sequence % 1000);
    return withCheck(body, "0123456789X", IdNumbers::isResidentId);
  }

  /** GB 32100 code of a company (91 = enterprise), with the check character that fits. */
  static String creditCode(String district, int n) {
    StringBuilder org = new StringBuilder("MA");
    for (int i = 0; i < 7; i++) {
      org.append(CODE_CHARS.charAt((n * 31 + i * 17 + 5) % CODE_CHARS.length()));
    }
    return withCheck("91" + district + org, CODE_CHARS, IdNumbers::isCreditCode);
  }

  private static String withCheck(String body, String candidates, Predicate<String> valid) {
    for (char c : candidates.toCharArray()) {
      if (valid.test(body + c)) {
        return body + c;
      }
    }
    throw new IllegalStateException("no check character for " + body);
  }
}
