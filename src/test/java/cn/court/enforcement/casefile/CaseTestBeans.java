package cn.court.enforcement.casefile;

import static org.mockito.Mockito.mock;

import cn.court.enforcement.allocation.AllocationProperties;
import cn.court.enforcement.authority.CourtPresident;
import cn.court.enforcement.allocation.CheckTeamChoice;
import cn.court.enforcement.calendar.CaseClock;
import cn.court.enforcement.clues.ClueRegistry;
import cn.court.enforcement.clues.TerminationClues;
import cn.court.enforcement.clues.UnverifiedClues;
import cn.court.enforcement.disclosure.QueryCodes;
import cn.court.enforcement.dossier.NotifyDossierOfClosure;
import cn.court.enforcement.disposal.DisposalRegistry;
import cn.court.enforcement.disposal.OpenDisposals;
import cn.court.enforcement.disposal.RegisterDisposal;
import cn.court.enforcement.disposal.ReportDisposal;
import cn.court.enforcement.disposal.StartAssetDisposal;
import cn.court.enforcement.entrusted.EntrustedBeans;
import cn.court.enforcement.funds.CaseMoneyLedger;
import cn.court.enforcement.funds.RegisterMoneyArrival;
import cn.court.enforcement.funds.ReportMoneyArrival;
import cn.court.enforcement.funds.UnpaidCaseMoney;
import cn.court.enforcement.handler.ChangeHandler;
import cn.court.enforcement.handler.CheckHandlerChange;
import cn.court.enforcement.handler.HandlerRecord;
import cn.court.enforcement.handler.NameHandler;
import cn.court.enforcement.handler.Teams;
import cn.court.enforcement.supervision.Reassigners;
import cn.court.enforcement.support.CourtCalendar;
import cn.court.enforcement.termination.CaseRecords;
import cn.court.enforcement.termination.CheckTerminationReview;
import cn.court.enforcement.termination.FollowUpRegistry;
import cn.court.enforcement.termination.FollowUpSchedule;
import cn.court.enforcement.termination.RecordTerminationRuling;
import cn.court.enforcement.termination.StartTerminationFollowUp;
import cn.court.enforcement.termination.TerminationChecklist;
import cn.court.enforcement.termination.TerminationRegister;
import cn.court.enforcement.termination.TerminationRoles;
import cn.court.enforcement.triage.RecordTriageFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The beans the diagram refers to, as real instances on an in-memory H2 case registry
 * (migrated by the project's Flyway scripts), plus a stand-in for ${randomAllocation} and
 * a mock of the case clock.
 */
final class CaseTestBeans {

  static final DataSource DATA_SOURCE = migrated();
  static final JdbcTemplate JDBC = new JdbcTemplate(DATA_SOURCE);

  final CaseRegistry registry = new CaseRegistry(JDBC);
  final DisposalRegistry disposals = new DisposalRegistry(JDBC);
  final CaseMoneyLedger ledger = new CaseMoneyLedger(JDBC);
  final FakeAllocation allocation = new FakeAllocation();
  /** A team's offline request runs beside the case in entrusted-matter, with its real beans. */
  final EntrustedBeans entrusted = new EntrustedBeans(JDBC);
  /** Time limits are tested with the real beans in a Spring context (CaseTimeLimitsTest). */
  final CaseClock caseClock = mock(CaseClock.class);

  CaseTestBeans register() {
    FilingValidator validator = new FilingValidator();
    Mocks.register("caseRegistry", registry);
    Mocks.register("registerCase", new RegisterCase(validator, registry, new QueryCodes(JDBC)));
    Mocks.register("correctFilingData", new CorrectFilingData(validator, registry));
    Mocks.register("checkTeamChoice", new CheckTeamChoice(new AllocationProperties(null, null)));
    Mocks.register("checkPunishmentProposal", new CheckPunishmentProposal(registry));
    Mocks.register("courtPresident", new CourtPresident(CaseFlow.organisation()));
    Mocks.register("listDishonestRespondent", new ListDishonestRespondent(registry));
    Mocks.register("startDishonestListing", new StartDishonestListing());
    Mocks.register("startTerminationFollowUp", new StartTerminationFollowUp());
    Mocks.register("followUpSchedule", new FollowUpSchedule(new FollowUpRegistry(JDBC)));
    UnverifiedClues unverifiedClues = new UnverifiedClues(new ClueRegistry(JDBC));
    Mocks.register("checkClosure", new CheckClosure(registry, unverifiedClues,
        List.of(new OpenDisposals(disposals), new UnpaidCaseMoney(ledger))));
    Mocks.register("terminationClues", new TerminationClues(unverifiedClues));
    TerminationChecklist checklist = new TerminationChecklist(registry, new CaseRecords(JDBC), unverifiedClues,
        List.of(new OpenDisposals(disposals), new UnpaidCaseMoney(ledger)));
    Mocks.register("assignTerminationReviewers", new TerminationRoles(CaseFlow.organisation()));
    Mocks.register("checkTerminationReview", new CheckTerminationReview(checklist, CaseFlow.organisation()));
    Mocks.register("recordTerminationRuling", new RecordTerminationRuling(checklist, new TerminationRegister(JDBC)));
    Mocks.register("recordTriageFacts", new RecordTriageFacts());
    Mocks.register("recordPropertyItem", new RecordPropertyItem(registry));
    Mocks.register("controlPropertyOffline", new ControlPropertyOffline(registry));
    Mocks.register("recordMeasure", new RecordMeasure(registry));
    // Asset disposal beside the case: started and reported with the real beans of both sides;
    // the disposal's start (handler by asset kind, its register) and its report run for real.
    CaseAssets assets = new CaseAssets(registry);
    DisposalReports reports = new DisposalReports(registry, CourtCalendar.DEADLINES);
    Mocks.register("caseAssets", assets);
    Mocks.register("recordDisposalReport", reports);
    Mocks.register("startAssetDisposal", new StartAssetDisposal(assets, reports));
    Mocks.register("reportMoneyArrival", new ReportMoneyArrival(registry, CourtCalendar.DEADLINES));
    Mocks.register("checkRulingPublication", new CheckRulingPublication());
    Mocks.register("disposalRegistry", disposals);
    Mocks.register("registerDisposal", new RegisterDisposal(CaseFlow.organisation(), disposals));
    Mocks.register("reportDisposal", new ReportDisposal(disposals));
    Mocks.register("registerMoneyArrival", new RegisterMoneyArrival(ledger));
    Mocks.register("notifyDossierOfClosure", new NotifyDossierOfClosure());
    entrusted.register(registry);
    Teams teams = new Teams(CaseFlow.organisation());
    HandlerRecord handlerRecord = new HandlerRecord(registry);
    Mocks.register("nameHandler", new NameHandler(teams, handlerRecord));
    Mocks.register("checkHandlerChange", new CheckHandlerChange(teams, new Reassigners(CaseFlow.organisation())));
    Mocks.register("changeHandler", new ChangeHandler(teams, handlerRecord));
    Mocks.register("randomAllocation", allocation);
    Mocks.register("caseClock", caseClock);
    return this;
  }

  int count(String sql, Object... args) {
    return JDBC.queryForObject(sql, Integer.class, args);
  }

  private static DataSource migrated() {
    DataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:casefile-flow;DB_CLOSE_DELAY=-1", "sa", "");
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    return dataSource;
  }

  /** Stand-in for the allocation feature's delegate: draws the configured team, or none. */
  static final class FakeAllocation implements JavaDelegate {
    String team = "ordinary-team-3";
    final List<Map<String, Object>> calls = new ArrayList<>();

    @Override
    public void execute(DelegateExecution execution) {
      calls.add(execution.getVariables());
      if (team == null) {
        throw new BpmnError("NO_ELIGIBLE_TEAM", "所有普执团队均已回避");
      }
      execution.setVariable(CaseVariables.HANDLING_TEAM, team);
      execution.setVariable("allocationDrawId", "draw-" + calls.size());
    }
  }
}
