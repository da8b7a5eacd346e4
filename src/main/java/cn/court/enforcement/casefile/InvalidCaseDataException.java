package cn.court.enforcement.casefile;

import java.util.List;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Refused input, with a message for the user. A form validation exception on purpose: Camunda's
 * REST API answers 400 for it on task completion and form submission (start or task), where a
 * {@code BadUserRequestException} becomes a 500. Thrown from execution listeners, which the
 * engine does not wrap (task listener exceptions are wrapped into ENGINE-03051).
 */
public class InvalidCaseDataException extends FormFieldValidationException {

  public InvalidCaseDataException(String message) {
    this(message, List.of(message));
  }

  public InvalidCaseDataException(String message, List<String> problems) {
    super(problems, message);
  }
}
