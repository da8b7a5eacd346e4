package cn.court.enforcement.rest;

import java.io.IOException;
import java.io.Writer;
import java.util.regex.Pattern;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Tomcat refuses some URLs itself (an encoded slash {@code %2F}, a NUL {@code %00}, a broken
 * escape) before any application code runs, and its host's error reporter answers with an
 * English HTML page. For the APIs this reporter answers as every other refusal does: JSON with a
 * Chinese message; pages keep Tomcat's own report.
 */
public class ChineseErrorReportValve extends ErrorReportValve {

  private static final Pattern API = Pattern.compile("^/(engine-rest|api|public/api|camunda/api)(/|$)");

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    String uri = request.getRequestURI();
    if (status < 400 || response.getContentWritten() > 0 || uri == null || !API.matcher(uri).find()) {
      super.report(request, response, throwable);
      return;
    }
    if (!response.setErrorReported()) {
      return;
    }
    try {
      response.setContentType("application/json");
      response.setCharacterEncoding("UTF-8");
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write("{\"status\":" + status + ",\"message\":\"" + message(status) + "\"}");
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // The client is gone or the response committed: nothing more can be said.
    }
  }

  private static String message(int status) {
    return status == 400 ? "请求地址无效：地址中不能含有编码的斜杠（%2F）、反斜杠或空字符（%00）等。"
        : status >= 500 ? "服务器内部错误，请稍后重试；问题持续时请联系系统管理员。" : "请求无效（" + status + "）。";
  }

  /** Makes this valve the host's error reporter (the host adds it when it starts). */
  @Component
  public static class Installer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {
    @Override
    public void customize(TomcatServletWebServerFactory factory) {
      factory.addContextCustomizers(context -> {
        if (context.getParent() instanceof StandardHost host) {
          host.setErrorReportValveClass(ChineseErrorReportValve.class.getName());
        }
      });
    }
  }
}
