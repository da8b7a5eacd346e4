package cn.court.enforcement.handler;

import cn.court.enforcement.organisation.Organisation;
import cn.court.enforcement.organisation.Organisation.Staff;
import cn.court.enforcement.organisation.Organisation.Unit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Teams as the organisation file defines them: who leads a team and who may handle its cases. */
@Component
public class Teams {

  private final Organisation organisation;

  public Teams(Organisation organisation) {
    this.organisation = organisation;
  }

  public String leaderOf(String team) {
    return organisation.leaderOf(team)
        .orElseThrow(() -> new IllegalStateException("Team " + team + " has no leader in the organisation file"));
  }

  public String nameOf(String team) {
    return organisation.unit(team).map(Unit::name).orElse(team);
  }

  /** The member of the team with this login or Chinese name, if any. */
  public Optional<Staff> member(String team, String loginOrName) {
    String wanted = loginOrName == null ? "" : loginOrName.trim();
    return organisation.membersOf(team).stream()
        .filter(person -> person.id().equals(wanted) || person.name().equals(wanted)).findFirst();
  }

  public String personName(String login) {
    return organisation.person(login).map(Staff::name).orElse(login);
  }

  /** The team's members as select options (label = name, value = login), leader first as listed. */
  public List<Map<String, String>> options(String team) {
    return organisation.membersOf(team).stream()
        .map(person -> Map.of("label", person.name(), "value", person.id())).toList();
  }
}
