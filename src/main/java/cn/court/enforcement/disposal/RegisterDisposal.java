package cn.court.enforcement.disposal;

import static cn.court.enforcement.disposal.DisposalVariables.*;

import cn.court.enforcement.casefile.InvalidCaseDataException;
import cn.court.enforcement.organisation.Organisation;
import cn.court.enforcement.organisation.Organisation.Staff;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * After processes/auction-handler.dmn has named the role for the asset's kind, finds its holder in
 * the organisation file (SPEC §3: real estate → 张海统, movables and other → 马乐, enterprise or complex
 * → 王辉), whom the disposal's tasks are assigned to, and registers the disposal in
 * {@code asset_disposal}.
 */
@Component("registerDisposal")
public class RegisterDisposal implements JavaDelegate {

  private final Organisation organisation;
  private final DisposalRegistry registry;

  public RegisterDisposal(Organisation organisation, DisposalRegistry registry) {
    this.organisation = organisation;
    this.registry = registry;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String role = (String) execution.getVariable(AUCTION_ROLE);
    Staff handler = organisation.holderOf(role).orElseThrow(() -> new InvalidCaseDataException(
        "组织机构文件中没有担任职责 '" + role + "' 的人员，无法确定财产处置承办人（config/organisation.yml 的 roles）。"));
    execution.setVariable(AUCTION_HANDLER, handler.id());
    execution.setVariable(AUCTION_HANDLER_NAME, handler.name());
    execution.setVariable(AUCTION_ROUND, 1);
    Object item = execution.getVariable(PROPERTY_ITEM_ID);
    Object description = execution.getVariable(ASSET_DESCRIPTION);
    if (description == null || description.toString().isBlank()) {
      throw new InvalidCaseDataException("启动财产处置需要说明待处置财产（assetDescription）。");
    }
    registry.register(execution.getProcessInstanceId(), execution.getProcessBusinessKey(),
        item == null ? null : ((Number) item).longValue(), (String) execution.getVariable(PROPERTY_KIND),
        description.toString(), role, handler.id());
  }
}
