package cn.court.enforcement.dossier;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class DossierConfiguration {

  /** Metadata only unless the court provides its document store. */
  @Bean
  @ConditionalOnMissingBean(DocumentStore.class)
  DocumentStore documentStore() {
    return DocumentStore.METADATA_ONLY;
  }
}
