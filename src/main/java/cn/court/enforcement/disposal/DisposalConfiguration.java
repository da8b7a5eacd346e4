package cn.court.enforcement.disposal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@link DisposalProperties}. */
@Configuration
@EnableConfigurationProperties(DisposalProperties.class)
public class DisposalConfiguration {}
