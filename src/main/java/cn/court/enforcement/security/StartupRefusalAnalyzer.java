package cn.court.enforcement.security;

import cn.court.enforcement.demo.DemoCasesRefusedException;
import cn.court.enforcement.organisation.OrganisationFileException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/** Turns a refused start-up into Spring Boot's short "APPLICATION FAILED TO START" report. */
public class StartupRefusalAnalyzer implements FailureAnalyzer {

  @Override
  public FailureAnalysis analyze(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof InsecureConfigurationException) {
        return new FailureAnalysis(t.getMessage(), "设置安全的管理员账号后重新启动（见 README 的 postgres 配置）。", t);
      }
      if (t instanceof DemoCasesRefusedException) {
        return new FailureAnalysis(t.getMessage(), "去掉 demo-cases 配置后重新启动。", t);
      }
      if (t instanceof OrganisationFileException) {
        return new FailureAnalysis(t.getMessage(), "修改组织机构文件中指出的那一行后重新启动。", t);
      }
    }
    return null;
  }
}
