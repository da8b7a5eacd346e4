package cn.court.enforcement.casefile;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * 裁判文书上网 after closure (funds, limit ruling-publication): the ruling is published on 中国裁判文书网
 * with its date, or withheld for one of the reasons of 《最高人民法院关于人民法院在互联网公布裁判文书的规定》
 * （法释〔2016〕19号）第四条, named with the reason given.
 */
@Component("checkRulingPublication")
public class CheckRulingPublication extends TaskCompletionListener {

  /** 第四条's cases a ruling is not published in, with the form's labels. */
  static final Map<String, String> WITHHELD = Map.of(
      "state-secret", "涉及国家秘密",
      "minor", "未成年人犯罪",
      "mediation", "以调解方式结案或确认人民调解协议效力",
      "divorce-or-custody", "离婚诉讼或涉及未成年子女抚养、监护",
      "other", "人民法院认为不宜在互联网公布的其他情形");

  @Override
  protected void completed(DelegateExecution execution) {
    FormCheck check = new FormCheck(execution::getVariable);
    String publication = check.oneOf("rulingPublication", "公布情况", java.util.Set.of("published", "withheld"));
    if ("published".equals(publication)) {
      check.date("rulingPublishedOn", "公布日期");
    } else if ("withheld".equals(publication)) {
      check.oneOf("withheldGround", "不公布的情形", WITHHELD.keySet());
      check.text("withheldReason", "不公布的理由");
    }
    check.throwIfInvalid(taskName(execution));
  }
}
