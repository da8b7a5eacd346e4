package cn.court.enforcement.organisation;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/** The bundled demo organisation, as tests load it. */
public final class OrganisationTestData {

  private OrganisationTestData() {}

  public static Organisation demo() throws IOException {
    try (Reader r = new InputStreamReader(
        OrganisationTestData.class.getResourceAsStream("/config/organisation.yml"), StandardCharsets.UTF_8)) {
      return OrganisationFile.parse(r, "organisation.yml");
    }
  }
}
