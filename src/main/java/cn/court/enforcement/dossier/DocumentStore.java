package cn.court.enforcement.dossier;

import java.util.Optional;

/**
 * Where the scanned images of a catalogued document are kept. The application keeps only the
 * catalogue (metadata); a court connecting its e-dossier system provides a bean of this type and
 * the catalogue row keeps the reference it returns.
 */
public interface DocumentStore {

  /** The store's reference for the document just catalogued, or empty when nothing is stored. */
  Optional<String> store(CatalogueEntry entry);

  /** The default: metadata only, no files. */
  DocumentStore METADATA_ONLY = entry -> Optional.empty();
}
