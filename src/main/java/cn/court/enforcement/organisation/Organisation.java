package cn.court.enforcement.organisation;

import java.util.List;
import java.util.Optional;

/** The court's organisation as read from its configuration file (SPEC §1). */
public record Organisation(List<Unit> units, List<Staff> staff) implements Leaders {

  /** Built-in group of administrators; managed outside the organisation file. */
  public static final String ADMIN_GROUP = "camunda-admin";

  /**
   * A unit or team: one Camunda group. {@code designs}: its members deploy diagrams, forms and
   * decision tables (from Camunda Modeler); {@code phone}: its office phone, told to parties
   * (执行公开), or null.
   */
  public record Unit(String id, String name, String leader, boolean supervisor, List<String> starts, boolean designs,
      String phone) {

    public Unit(String id, String name, String leader, boolean supervisor, List<String> starts) {
      this(id, name, leader, supervisor, starts, false, null);
    }
  }

  /**
   * A member of staff: one Camunda user. {@code roles} are duties the processes give to one
   * named person (e.g. {@code auction-real-estate}: the real-estate auction handler).
   */
  public record Staff(String id, String name, String phone, List<String> groups, List<String> roles) {

    public Staff(String id, String name, String phone, List<String> groups) {
      this(id, name, phone, groups, List.of());
    }
  }

  public Optional<Unit> unit(String id) {
    return units.stream().filter(u -> u.id().equals(id)).findFirst();
  }

  public Optional<Staff> person(String id) {
    return staff.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  public List<Staff> membersOf(String groupId) {
    return staff.stream().filter(s -> s.groups().contains(groupId)).toList();
  }

  /** The one member of staff holding {@code role} (the file allows at most one per role). */
  public Optional<Staff> holderOf(String role) {
    return staff.stream().filter(s -> s.roles().contains(role)).findFirst();
  }

  @Override
  public Optional<String> leaderOf(String groupId) {
    return unit(groupId).map(Unit::leader);
  }
}
