package cn.court.enforcement.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Demo cases (profile {@code demo-cases}).
 *
 * @param allowInProduction file demo cases even in the {@code postgres} profile; off by default,
 *                          because demo cases in a court's real database are fake work
 */
@ConfigurationProperties(prefix = "court.demo.cases")
public record DemoCaseProperties(boolean allowInProduction) {
}
