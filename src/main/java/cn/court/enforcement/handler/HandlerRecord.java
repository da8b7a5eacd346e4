package cn.court.enforcement.handler;

import static cn.court.enforcement.handler.HandlerVariables.CASE_HANDLER;
import static cn.court.enforcement.handler.HandlerVariables.CASE_HANDLER_NAME;
import static cn.court.enforcement.handler.HandlerVariables.CASE_HANDLER_TEAM;

import cn.court.enforcement.casefile.CaseRegistry;
import cn.court.enforcement.organisation.Organisation.Staff;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Writes who handles a case: the case file and its handler log, and the case's process variables. */
@Component
public class HandlerRecord {

  private final CaseRegistry registry;

  public HandlerRecord(CaseRegistry registry) {
    this.registry = registry;
  }

  /**
   * Records the handler and returns the variables to set on the case's process instance.
   *
   * @param reason null when the first handler of the team is named, else why the leader changed it
   * @param by the user who named or changed the handler (null for the engine's own callers)
   */
  public Map<String, Object> assign(String caseNumber, String team, Staff handler, String reason, String by) {
    registry.assignHandler(caseNumber, team, handler.id(), reason, by);
    return Map.of(CASE_HANDLER, handler.id(), CASE_HANDLER_NAME, handler.name(), CASE_HANDLER_TEAM, team);
  }
}
