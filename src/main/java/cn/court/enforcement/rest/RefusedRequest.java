package cn.court.enforcement.rest;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A request the application refuses, with the HTTP status and the Chinese message the caller
 * sees. A bad user request of the engine so that, thrown inside an engine command (a task
 * listener), it rolls the command back, reaches the REST layer through the engine's wrapping,
 * and is not logged as a server error.
 */
public class RefusedRequest extends BadUserRequestException {

  private final int status;

  public RefusedRequest(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }

  public static RefusedRequest badRequest(String message) {
    return new RefusedRequest(400, message);
  }

  public static RefusedRequest forbidden(String message) {
    return new RefusedRequest(403, message);
  }

  public static RefusedRequest conflict(String message) {
    return new RefusedRequest(409, message);
  }
}
