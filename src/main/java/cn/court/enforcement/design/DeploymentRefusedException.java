package cn.court.enforcement.design;

import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;

/** A deployment that breaks the project's contract: the designer's mistake, answered with 400. */
public class DeploymentRefusedException extends BadUserRequestException {

  private final List<String> problems;

  public DeploymentRefusedException(List<String> problems) {
    super("部署未通过检查，未部署任何内容（共 " + problems.size() + " 处问题）：" + numbered(problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }

  private static String numbered(List<String> problems) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < problems.size(); i++) {
      text.append(i == 0 ? "" : "；").append(i + 1).append(". ").append(problems.get(i));
    }
    return text.append("。").toString();
  }
}
