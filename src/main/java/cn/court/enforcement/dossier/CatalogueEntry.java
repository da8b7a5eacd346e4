package cn.court.enforcement.dossier;

import java.time.LocalDateTime;

/**
 * One document of a case's electronic catalogue (电子卷宗目录). The document type is the scan
 * form's option as the catalogue shows it (立案材料, 执行通知书 …).
 */
public record CatalogueEntry(String caseNumber, Long handoverId, String documentType, String name, int pages,
    LocalDateTime scannedAt, String scannedBy, String storeReference) {

  public CatalogueEntry storedAs(String reference) {
    return new CatalogueEntry(caseNumber, handoverId, documentType, name, pages, scannedAt, scannedBy, reference);
  }
}
