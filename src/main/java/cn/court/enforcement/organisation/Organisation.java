package cn.court.enforcement.organisation;

import java.util.List;
import java.util.Optional;

/** The court's organisation as read from its configuration file (SPEC §1). */
public record Organisation(List<Unit> units, List<Staff> staff) implements Leaders {

  /** Built-in group of administrators; managed outside the organisation file. */
  public static final String ADMIN_GROUP = "camunda-admin";

  /** A unit or team: one Camunda group. */
  public record Unit(String id, String name, String leader, boolean supervisor, List<String> starts) {}

  /** A member of staff: one Camunda user. */
  public record Staff(String id, String name, String phone, List<String> groups) {}

  public Optional<Unit> unit(String id) {
    return units.stream().filter(u -> u.id().equals(id)).findFirst();
  }

  public Optional<Staff> person(String id) {
    return staff.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  public List<Staff> membersOf(String groupId) {
    return staff.stream().filter(s -> s.groups().contains(groupId)).toList();
  }

  @Override
  public Optional<String> leaderOf(String groupId) {
    return unit(groupId).map(Unit::leader);
  }
}
