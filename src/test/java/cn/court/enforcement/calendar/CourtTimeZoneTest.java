package cn.court.enforcement.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.TimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class CourtTimeZoneTest {

  private final TimeZone before = TimeZone.getDefault();

  @AfterEach
  void restore() {
    TimeZone.setDefault(before);
  }

  @Test
  void theApplicationRunsInTheCourtsZoneWhateverTheServers() {
    TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
    new CourtTimeZone().postProcessEnvironment(new MockEnvironment(), null);
    assertThat(TimeZone.getDefault().getID()).isEqualTo("Asia/Shanghai");

    new CourtTimeZone().postProcessEnvironment(new MockEnvironment().withProperty(CourtTimeZone.PROPERTY, "Asia/Urumqi"), null);
    assertThat(TimeZone.getDefault().getID()).isEqualTo("Asia/Urumqi");
  }

  @Test
  void anUnknownZoneStopsTheStartWithItsName() {
    assertThatThrownBy(() -> new CourtTimeZone().postProcessEnvironment(
        new MockEnvironment().withProperty(CourtTimeZone.PROPERTY, "Beijing"), null))
        .hasMessage("court.calendar.zone 不是有效的时区：Beijing（例如 Asia/Shanghai）");
  }
}
