package cn.court.enforcement.migration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Moving running cases to a new diagram version (README "Moving running cases to a new version").
 *
 * @param mappingDirectory where the mapping files ({@code <process key>.yml}) are, a Spring resource location
 * @param processKey when set, the application runs the migration command for this process at start-up and exits
 * @param confirm with {@code processKey}: migrate (as a batch, waiting for it); without, print the dry run only
 */
@ConfigurationProperties(prefix = "court.migration")
public record MigrationProperties(@DefaultValue("classpath:processes/migrations/") String mappingDirectory,
    String processKey, @DefaultValue("false") boolean confirm) {}
