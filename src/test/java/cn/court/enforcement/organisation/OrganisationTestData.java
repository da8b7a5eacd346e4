package cn.court.enforcement.organisation;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineServices;

/** The bundled demo organisation, as tests load it. */
public final class OrganisationTestData {

  private OrganisationTestData() {}

  public static Organisation demo() throws IOException {
    try (Reader r = new InputStreamReader(
        OrganisationTestData.class.getResourceAsStream("/config/organisation.yml"), StandardCharsets.UTF_8)) {
      return OrganisationFile.parse(r, "organisation.yml");
    }
  }

  /** Removes every user, group and authorization, so the next test loads into an empty engine. */
  public static void forget(ProcessEngineServices engine) {
    IdentityService identity = engine.getIdentityService();
    identity.createUserQuery().list().forEach(u -> identity.deleteUser(u.getId()));
    identity.createGroupQuery().list().forEach(g -> identity.deleteGroup(g.getId()));
    AuthorizationService authorizations = engine.getAuthorizationService();
    authorizations.createAuthorizationQuery().list().forEach(a -> authorizations.deleteAuthorization(a.getId()));
  }
}
