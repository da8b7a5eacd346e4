package cn.court.enforcement.termination;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of resumption (恢复执行).
 *
 * @param caseNumberFormat the number of a resumed case (执恢), with {@code {year}} and {@code {serial}} (from 1
 *     each year); it must still read as a case number of the court (FilingValidator's format)
 */
@ConfigurationProperties(prefix = "court.resumption")
public record ResumptionProperties(@DefaultValue("（{year}）豫0000执恢{serial}号") String caseNumberFormat) {

  public ResumptionProperties {
    if (!caseNumberFormat.contains("{year}") || !caseNumberFormat.contains("{serial}")) {
      throw new IllegalArgumentException("court.resumption.case-number-format needs {year} and {serial}: " + caseNumberFormat);
    }
  }

  /** The number of the {@code serial}-th resumed case of {@code year}. */
  public String caseNumber(int year, int serial) {
    return caseNumberFormat.replace("{year}", String.valueOf(year)).replace("{serial}", String.valueOf(serial));
  }
}
