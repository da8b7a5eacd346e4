package cn.court.enforcement.disposal;

import cn.court.enforcement.casefile.FormCheck;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** Reading what the disposal's forms send beyond {@link FormCheck}: days ahead (an auction to come) and times of day. */
final class DisposalForm {

  private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");

  private DisposalForm() {
  }

  /** A day that may lie ahead (yyyy-MM-dd). */
  static LocalDate day(FormCheck form, String name, String label) {
    String text = form.text(name, label);
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      form.require(false, label + "不是有效的日期（格式：yyyy-MM-dd）");
      return null;
    }
  }

  /** A day and a time of day (HH:mm) from two fields. */
  static LocalDateTime moment(FormCheck form, String dayName, String timeName, String label) {
    LocalDate day = day(form, dayName, label + "日期");
    String time = form.matching(timeName, label + "时间", TIME, "时:分，如 10:00");
    return day == null || time == null || !TIME.matcher(time).matches() ? null : day.atTime(LocalTime.parse(time));
  }

  /** A positive sum of money to the fen. */
  static BigDecimal price(FormCheck form, String name, String label) {
    BigDecimal amount = form.amount(name, label);
    if (amount != null && amount.signum() == 0) {
      form.require(false, label + "应大于0");
      return null;
    }
    return amount == null ? null : FormCheck.money(amount);
  }
}
