package cn.court.enforcement.supervision;

import cn.court.enforcement.organisation.Organisation;
import cn.court.enforcement.organisation.Organisation.Unit;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Who may move work from one person to another: the members of the units the organisation
 * file lets start {@value #PROCESS_KEY} (the bureau's leaders), so that the file alone says who
 * they are. They reassign single tasks and may change the handler of any case.
 */
@Component
public class Reassigners {

  public static final String PROCESS_KEY = "task-reassignment";

  private final Organisation organisation;

  public Reassigners(Organisation organisation) {
    this.organisation = organisation;
  }

  public boolean include(String login) {
    return login != null && organisation.person(login)
        .filter(person -> units().stream().map(Unit::id).anyMatch(person.groups()::contains)).isPresent();
  }

  /** The units' names for messages, e.g. 执行局领导. */
  public String names() {
    return String.join("、", units().stream().map(Unit::name).toList());
  }

  private List<Unit> units() {
    return organisation.units().stream().filter(unit -> unit.starts().contains(PROCESS_KEY)).toList();
  }
}
