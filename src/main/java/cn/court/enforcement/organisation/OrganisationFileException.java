package cn.court.enforcement.organisation;

/** The organisation file cannot be used; the message names the file, line and entry. */
public class OrganisationFileException extends RuntimeException {

  public OrganisationFileException(String message) {
    super(message);
  }
}
