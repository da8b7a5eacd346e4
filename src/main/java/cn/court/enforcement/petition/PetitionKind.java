package cn.court.enforcement.petition;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a petition reached the petitions unit (执行信访): from the petitioner (a visit, a letter) or
 * handed down by another body, to whom the reply then goes.
 */
public enum PetitionKind {
  VISIT("visit", "来访", false),
  LETTER("letter", "来信", false),
  HIGHER_COURT("higher-court", "上级法院交办", true),
  OTHER_BODY("other-body", "其他机关转办", true),
  PROCURATORATE("procuratorate", "检察监督", true);

  private final String value;
  private final String label;
  private final boolean handedDown;

  PetitionKind(String value, String label, boolean handedDown) {
    this.value = value;
    this.label = label;
    this.handedDown = handedDown;
  }

  public String value() {
    return value;
  }

  public String label() {
    return label;
  }

  /** Handed down by a higher court, another body or the procuratorate, which receives the reply. */
  public boolean handedDown() {
    return handedDown;
  }

  public static Optional<PetitionKind> of(String value) {
    return Arrays.stream(values()).filter(kind -> kind.value.equals(value)).findFirst();
  }
}
