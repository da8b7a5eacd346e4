package cn.court.enforcement.support;

import cn.court.enforcement.organisation.Organisation;
import cn.court.enforcement.organisation.Organisation.Staff;
import cn.court.enforcement.organisation.Organisation.Unit;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who of the seed organisation does a unit's task in a test, and who must not see it: a member
 * who sees the task only through that unit, the handler a leader names, and an outsider.
 */
public final class SeedStaff {

  private final Organisation organisation;
  private final Set<String> supervisors;

  public SeedStaff(Organisation organisation) {
    this.organisation = organisation;
    this.supervisors = organisation.units().stream().filter(Unit::supervisor).map(Unit::id)
        .collect(Collectors.toSet());
  }

  public Staff person(String id) {
    return organisation.person(id).orElseThrow(() -> new IllegalArgumentException("no " + id + " in the organisation"));
  }

  /** A member of the group, preferably one who sees the task only through this group. */
  public Staff memberOf(String group) {
    List<Staff> members = organisation.membersOf(group);
    return members.stream().filter(person -> person.groups().stream().noneMatch(supervisors::contains))
        .findFirst().orElse(members.get(0));
  }

  /** The member the leader names as handler: not the leader, so the handler's tasks are visibly theirs. */
  public String handlerOf(String group) {
    String leader = organisation.leaderOf(group).orElse(null);
    return organisation.membersOf(group).stream().map(Staff::id).filter(id -> !id.equals(leader))
        .findFirst().orElse(leader);
  }

  /** Someone in none of the group's or the supervisors' units: prefers another ordinary team. */
  public Staff outsiderOf(String group) {
    return organisation.staff().stream()
        .filter(person -> !person.groups().contains(group))
        .filter(person -> person.groups().stream().noneMatch(supervisors::contains))
        .filter(person -> !person.groups().contains(Organisation.ADMIN_GROUP))
        .sorted((a, b) -> Boolean.compare(!onOrdinaryTeam(a), !onOrdinaryTeam(b)))
        .findFirst().orElseThrow();
  }

  private static boolean onOrdinaryTeam(Staff person) {
    return person.groups().stream().anyMatch(g -> g.startsWith("ordinary-team-"));
  }
}
