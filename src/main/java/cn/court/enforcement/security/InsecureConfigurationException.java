package cn.court.enforcement.security;

/** Start-up refused because the configuration would run production with demo secrets. */
public class InsecureConfigurationException extends RuntimeException {

  public InsecureConfigurationException(String message) {
    super(message);
  }
}
