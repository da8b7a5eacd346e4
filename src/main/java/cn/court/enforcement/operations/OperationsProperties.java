package cn.court.enforcement.operations;

import cn.court.enforcement.organisation.Organisation;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param monitoringGroups groups whose members read the metrics ({@code /actuator/prometheus}) and the details of
 *     {@code /actuator/health}; administrators by default. A monitoring account (e.g. the one Prometheus scrapes with)
 *     belongs to a unit of the organisation file listed here.
 */
@ConfigurationProperties(prefix = "court.operations")
public record OperationsProperties(List<String> monitoringGroups) {

  public OperationsProperties {
    monitoringGroups = monitoringGroups == null || monitoringGroups.isEmpty()
        ? List.of(Organisation.ADMIN_GROUP) : List.copyOf(monitoringGroups);
  }
}
