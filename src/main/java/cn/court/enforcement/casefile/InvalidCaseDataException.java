package cn.court.enforcement.casefile;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Refused input, with a message for the user naming every problem. A bad user request, so the
 * engine logs it at debug level rather than as an error with its stack trace; the REST layer
 * answers it with a 400 and the message alone wherever the engine wrapped it
 * ({@code rest/ChineseErrors}). Thrown from execution listeners, which the engine does not wrap
 * (task listener exceptions are wrapped into ENGINE-03051).
 */
public class InvalidCaseDataException extends BadUserRequestException {

  public InvalidCaseDataException(String message) {
    super(message);
  }
}
