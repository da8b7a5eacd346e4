package cn.court.enforcement.dossier;

import static cn.court.enforcement.dossier.DossierVariables.BORROWER;
import static cn.court.enforcement.dossier.DossierVariables.LENDING_ID;
import static cn.court.enforcement.dossier.DossierVariables.LENT_ON;
import static cn.court.enforcement.dossier.DossierVariables.PURPOSE;
import static cn.court.enforcement.dossier.DossierVariables.PURPOSE_ENDS_AT;
import static cn.court.enforcement.dossier.DossierVariables.PURPOSE_ENDS_ON;
import static cn.court.enforcement.dossier.DossierVariables.RETURNED_ON;
import static cn.court.enforcement.dossier.DossierVariables.USE_KIND;

import cn.court.enforcement.calendar.Deadlines;
import cn.court.enforcement.casefile.CaseVariables;
import cn.court.enforcement.casefile.InvalidCaseDataException;
import cn.court.enforcement.casefile.TaskCompletionListener;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * The register of lending, reading and copying of a case's paper dossier (dossier-lending):
 * who, for what, from when and until the purpose ends. The return task appears when the purpose
 * ends and is due 1 working day later ({@code borrowed-file-return}); the escalation sweep tells
 * the centre's leader when it is late.
 */
public final class LendingSteps {

  private LendingSteps() {
  }

  /**
   * Start listener: the case must have been filed; the purpose cannot end before the lending. A
   * lending registered after its purpose ended has its return task at once.
   */
  @Component("registerLending")
  public static class RegisterLending implements ExecutionListener {

    private final DossierRegister register;
    private final Deadlines deadlines;

    public RegisterLending(DossierRegister register, Deadlines deadlines) {
      this.register = register;
      this.deadlines = deadlines;
    }

    @Override
    public void notify(DelegateExecution execution) {
      String caseNumber = ((String) execution.getVariable(CaseVariables.CASE_NUMBER)).strip();
      if (!register.caseFiled(caseNumber)) {
        throw new InvalidCaseDataException("案件 " + caseNumber + " 不存在，无法登记借阅卷宗。");
      }
      LocalDate lentOn = deadlines.toDate(execution.getVariable(LENT_ON), LENT_ON);
      LocalDate purposeEnds = deadlines.toDate(execution.getVariable(PURPOSE_ENDS_ON), PURPOSE_ENDS_ON);
      if (purposeEnds.isBefore(lentOn)) {
        throw new InvalidCaseDataException("无法登记借阅卷宗：借阅事由消失日期不能早于借出日期。");
      }
      execution.setProcessBusinessKey(caseNumber);
      execution.setVariable(CaseVariables.CASE_NUMBER, caseNumber);
      execution.setVariable(PURPOSE_ENDS_AT, deadlines.endOf(purposeEnds));
      execution.setVariable(LENDING_ID, register.recordLending(caseNumber, execution.getProcessInstanceId(),
          (String) execution.getVariable(BORROWER), (String) execution.getVariable(USE_KIND),
          (String) execution.getVariable(PURPOSE), lentOn, purposeEnds, (String) execution.getVariable("registrar")));
    }
  }

  /** 归还借阅卷宗: the day everything came back. */
  @Component("recordLendingReturn")
  public static class RecordLendingReturn extends TaskCompletionListener {

    private final DossierRegister register;
    private final Deadlines deadlines;

    public RecordLendingReturn(DossierRegister register, Deadlines deadlines) {
      this.register = register;
      this.deadlines = deadlines;
    }

    @Override
    protected void completed(DelegateExecution execution) {
      register.recordLendingReturn(((Number) execution.getVariable(LENDING_ID)).longValue(),
          deadlines.toDate(execution.getVariable(RETURNED_ON), RETURNED_ON));
    }
  }
}
