package cn.court.enforcement.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;

/**
 * Camunda's REST API answers 400 to refused input on submit-form and complete, but 500 on
 * {@code /process-definition/.../start}, which wraps every engine exception. Input our checks
 * refuse ({@link FormFieldValidationException}) is the caller's fault there too: 400 with our
 * Chinese message alone (without Camunda's English "Cannot submit task form …" prefix); every
 * other error keeps Camunda's own mapping.
 */
@Priority(1)
public class RefusedInputMapper implements ExceptionMapper<RestException> {

  private final RestExceptionHandler camunda = new RestExceptionHandler();

  @Override
  public Response toResponse(RestException exception) {
    if (exception.getCause() instanceof FormFieldValidationException) {
      return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
          .entity(Map.of("type", exception.getCause().getClass().getSimpleName(), "message", exception.getCause().getMessage()))
          .build();
    }
    return camunda.toResponse(exception);
  }
}
