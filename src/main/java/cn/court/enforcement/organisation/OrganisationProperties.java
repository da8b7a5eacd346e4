package cn.court.enforcement.organisation;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param location the organisation file (Spring resource location)
 * @param demoPassword password given to newly created staff; empty in production, where an
 *     administrator sets passwords in Admin
 */
@ConfigurationProperties(prefix = "court.organisation")
public record OrganisationProperties(String location, String demoPassword) {}
