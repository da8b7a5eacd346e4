package cn.court.enforcement.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Official working days: Monday to Friday, minus public holidays, plus the make-up working
 * days (调休) of the State Council's yearly notice. A year the data does not cover is counted
 * on plain weekdays, with one warning per year, so a missing notice never stops a case.
 */
public class WorkingCalendar {

  private static final Logger log = LoggerFactory.getLogger(WorkingCalendar.class);

  /** What the yearly notice says for one year. */
  public record Year(Set<LocalDate> holidays, Set<LocalDate> makeupWorkdays) {}

  private final Map<Integer, Year> years;
  private final Set<Integer> warnedYears = ConcurrentHashMap.newKeySet();

  public WorkingCalendar(Map<Integer, Year> years) {
    this.years = Map.copyOf(years);
  }

  /** Reads the court's holiday file ({@code config/cn-holidays.json}). */
  public static WorkingCalendar read(InputStream json, String source) {
    try {
      JsonNode yearsNode = new ObjectMapper().readTree(json).path("years");
      if (!yearsNode.isObject()) {
        throw new IllegalStateException(source + "：缺少 years 部分");
      }
      Map<Integer, Year> years = new HashMap<>();
      for (Map.Entry<String, JsonNode> entry : yearsNode.properties()) {
        years.put(Integer.valueOf(entry.getKey()), new Year(
            dates(entry.getValue().path("holidays"), source), dates(entry.getValue().path("makeupWorkdays"), source)));
      }
      return new WorkingCalendar(years);
    } catch (IOException | NumberFormatException | DateTimeParseException e) {
      throw new IllegalStateException("节假日文件 " + source + " 格式有误：" + e.getMessage(), e);
    }
  }

  private static Set<LocalDate> dates(JsonNode list, String source) {
    Set<LocalDate> dates = new HashSet<>();
    for (JsonNode day : list) {
      dates.add(LocalDate.parse(day.path("date").asText()));
    }
    return dates;
  }

  /** Whether the file has the State Council's notice for {@code year}. */
  public boolean covers(int year) {
    return years.containsKey(year);
  }

  public boolean isWorkingDay(LocalDate day) {
    Year year = years.get(day.getYear());
    if (year == null) {
      if (warnedYears.add(day.getYear())) {
        log.warn("No holiday data for {} in the holiday file: counting Monday to Friday as working days. "
            + "Add the State Council's holiday notice for {} to config/cn-holidays.json.", day.getYear(), day.getYear());
      }
      return isWeekday(day);
    }
    if (year.makeupWorkdays().contains(day)) {
      return true;
    }
    return !year.holidays().contains(day) && isWeekday(day);
  }

  /** The day {@code days} working days after {@code start} (before it when negative); the start day is not counted. */
  public LocalDate plusWorkingDays(LocalDate start, int days) {
    int step = days >= 0 ? 1 : -1;
    LocalDate day = start;
    for (int left = Math.abs(days); left > 0; ) {
      day = day.plusDays(step);
      if (isWorkingDay(day)) {
        left--;
      }
    }
    return day;
  }

  /** {@code day} itself when it is a working day, else the next working day. */
  public LocalDate onOrAfter(LocalDate day) {
    LocalDate d = day;
    while (!isWorkingDay(d)) {
      d = d.plusDays(1);
    }
    return d;
  }

  /** Working days in (from, to]: how many working days {@code to} lies after {@code from}. */
  public int workingDaysBetween(LocalDate from, LocalDate to) {
    int count = 0;
    for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
      if (isWorkingDay(d)) {
        count++;
      }
    }
    return count;
  }

  private static boolean isWeekday(LocalDate day) {
    return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
  }
}
