package cn.court.enforcement.casefile;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** Check characters of Chinese identity numbers, as the national standards define them. */
public final class IdNumbers {

  static final Pattern RESIDENT_ID = Pattern.compile("\\d{17}[\\dX]");
  static final Pattern CREDIT_CODE = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}");

  private static final int[] RESIDENT_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String RESIDENT_CHECK = "10X98765432";
  private static final String CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final int[] CREDIT_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

  private IdNumbers() {
  }

  /** 18-digit resident identity card number (GB 11643): birth date and check character. */
  public static boolean isResidentId(String number) {
    if (number == null || !RESIDENT_ID.matcher(number).matches()) {
      return false;
    }
    try {
      LocalDate.parse(number.substring(6, 14), DateTimeFormatter.BASIC_ISO_DATE);
    } catch (DateTimeParseException e) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (number.charAt(i) - '0') * RESIDENT_WEIGHTS[i];
    }
    return number.charAt(17) == RESIDENT_CHECK.charAt(sum % 11);
  }

  /** Unified social credit code of an organisation (GB 32100): check character. */
  public static boolean isCreditCode(String code) {
    if (code == null || !CREDIT_CODE.matcher(code).matches()) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += CREDIT_CHARS.indexOf(code.charAt(i)) * CREDIT_WEIGHTS[i];
    }
    int check = (31 - sum % 31) % 31;
    return code.charAt(17) == CREDIT_CHARS.charAt(check);
  }
}
