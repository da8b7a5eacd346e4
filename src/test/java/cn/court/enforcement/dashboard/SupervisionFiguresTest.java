package cn.court.enforcement.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import cn.court.enforcement.support.StaffClient;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The application filled by the demo cases: a bureau leader reads every table of the supervision page. */
@SupervisionSpringTest
class SupervisionFiguresTest {

  @LocalServerPort int port;

  @Test
  void everyTableAnswersABureauLeaderOnTheDemoCases() {
    for (String path : List.of("open-cases", "handlers", "overdue", "overdue-weeks", "closures", "closure-kinds",
        "stage-times", "fairness", "money", "late-payouts")) {
      HttpResponse<String> r = StaffClient.rest(port, "juzhang", "demo").get("/api/supervision/" + path);
      assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
      assertThat(r.body()).contains("\"title\"");
    }
  }
}
