package cn.court.enforcement.termination;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@link ResumptionProperties}. */
@Configuration
@EnableConfigurationProperties(ResumptionProperties.class)
public class ResumptionConfiguration {}
