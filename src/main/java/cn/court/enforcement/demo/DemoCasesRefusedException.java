package cn.court.enforcement.demo;

/** Demo cases were asked for where they do not belong (the production database). */
public class DemoCasesRefusedException extends RuntimeException {

  public DemoCasesRefusedException(String message) {
    super(message);
  }
}
