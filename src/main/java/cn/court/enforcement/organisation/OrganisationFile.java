package cn.court.enforcement.organisation;

import cn.court.enforcement.organisation.Organisation.Staff;
import cn.court.enforcement.organisation.Organisation.Unit;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads and checks the organisation file. Works on SnakeYAML's node tree rather than on
 * bound objects so that every complaint can name the line a clerk has to fix.
 */
public final class OrganisationFile {

  /** A role id as the processes name it: {@code auction-real-estate}. */
  private static final Pattern ROLE = Pattern.compile("[a-z][a-z0-9-]*");

  /** An office phone: digits and hyphens, 7 to 20 of them, e.g. 0371-12345678. */
  private static final Pattern PHONE = Pattern.compile("[0-9][0-9-]{5,18}[0-9]");

  private final String source;

  private OrganisationFile(String source) {
    this.source = source;
  }

  public static Organisation parse(Reader reader, String source) {
    return new OrganisationFile(source).read(reader);
  }

  private Organisation read(Reader reader) {
    Node root;
    try {
      root = new Yaml().compose(reader);
    } catch (YAMLException e) {
      throw new OrganisationFileException(source + ": 不是有效的 YAML：" + e.getMessage());
    }
    if (!(root instanceof MappingNode top)) {
      throw new OrganisationFileException(source + ": 文件为空或格式不对，应包含 groups 和 users 两部分");
    }
    Map<String, Node> sections = fields(top, "groups", "users");
    Map<String, Integer> unitLines = new HashMap<>();
    Map<String, Integer> staffLines = new HashMap<>();
    List<Unit> units = new ArrayList<>();
    for (MappingNode entry : entries(sections.get("groups"), "groups")) {
      Map<String, Node> f = fields(entry, "id", "name", "leader", "supervisor", "starts", "designs", "phone");
      String id = required(f, entry, "id", "groups");
      if (unitLines.putIfAbsent(id, line(entry)) != null || Organisation.ADMIN_GROUP.equals(id)) {
        throw error(entry, "组 '" + id + "' 重复定义（camunda-admin 为系统内置组，不在此定义）");
      }
      units.add(new Unit(id, required(f, entry, "name", "组 " + id),
          required(f, entry, "leader", "组 " + id), bool(f.get("supervisor")), list(f.get("starts")),
          bool(f.get("designs")), phone(f.get("phone"), "组 " + id)));
    }
    List<Staff> staff = new ArrayList<>();
    Map<String, String> roleHolders = new HashMap<>();
    for (MappingNode entry : entries(sections.get("users"), "users")) {
      Map<String, Node> f = fields(entry, "id", "name", "phone", "groups", "roles");
      String id = required(f, entry, "id", "users");
      if (staffLines.putIfAbsent(id, line(entry)) != null) {
        throw error(entry, "用户 '" + id + "' 重复定义");
      }
      List<String> groups = list(f.get("groups"));
      for (String g : groups) {
        if (!unitLines.containsKey(g) && !Organisation.ADMIN_GROUP.equals(g)) {
          throw error(entry, "用户 '" + id + "' 所属的组 '" + g + "' 不存在");
        }
      }
      if (new HashSet<>(groups).size() != groups.size()) {
        throw error(entry, "用户 '" + id + "' 的所属组有重复");
      }
      List<String> roles = list(f.get("roles"));
      for (String role : roles) {
        if (!ROLE.matcher(role).matches()) {
          throw error(entry, "用户 '" + id + "' 的职责 '" + role + "' 格式不对（小写字母、数字和连字符，如 auction-real-estate）");
        }
        String holder = roleHolders.putIfAbsent(role, id);
        if (holder != null) {
          throw error(entry, "职责 '" + role + "' 已由用户 '" + holder + "' 担任，每项职责只能由一人担任");
        }
      }
      staff.add(new Staff(id, required(f, entry, "name", "用户 " + id), scalar(f.get("phone")), groups, roles));
    }
    Organisation organisation = new Organisation(List.copyOf(units), List.copyOf(staff));
    for (Unit unit : units) {
      boolean leads = organisation.person(unit.leader())
          .map(s -> s.groups().contains(unit.id())).orElse(false);
      if (!leads) {
        throw new OrganisationFileException(source + " 第 " + unitLines.get(unit.id()) + " 行: 组 '"
            + unit.id() + "' 的负责人 '" + unit.leader() + "' 不是该组成员");
      }
    }
    return organisation;
  }

  private Map<String, Node> fields(MappingNode node, String... allowed) {
    Set<String> known = Set.of(allowed);
    Map<String, Node> result = new LinkedHashMap<>();
    for (NodeTuple t : node.getValue()) {
      String key = scalar(t.getKeyNode());
      if (!known.contains(key)) {
        throw error(t.getKeyNode(), "未知字段 '" + key + "'（可用字段：" + String.join("、", allowed) + "）");
      }
      result.put(key, t.getValueNode());
    }
    return result;
  }

  private List<MappingNode> entries(Node node, String section) {
    if (!(node instanceof SequenceNode seq)) {
      throw new OrganisationFileException(source + ": 缺少列表 '" + section + "'");
    }
    List<MappingNode> result = new ArrayList<>();
    for (Node item : seq.getValue()) {
      if (!(item instanceof MappingNode m)) {
        throw error(item, section + " 的每一项应为 {id: ..., name: ...} 形式");
      }
      result.add(m);
    }
    return result;
  }

  private String required(Map<String, Node> fields, Node entry, String key, String what) {
    String value = scalar(fields.get(key));
    if (value == null || value.isBlank()) {
      throw error(entry, what + " 缺少必填字段 '" + key + "'");
    }
    return value.trim();
  }

  private String scalar(Node node) {
    if (node == null) {
      return null;
    }
    if (!(node instanceof ScalarNode s)) {
      throw error(node, "此处应为单个值");
    }
    return s.getValue();
  }

  /** An office phone as parties dial it: digits, with an area code, hyphens and an extension allowed. */
  private String phone(Node node, String what) {
    String value = scalar(node);
    if (value == null || value.isBlank()) {
      return null;
    }
    if (!PHONE.matcher(value.trim()).matches()) {
      throw error(node, what + " 的电话 '" + value + "' 格式不对（如 0371-12345678 或 0371-12345678-801）");
    }
    return value.trim();
  }

  private boolean bool(Node node) {
    return "true".equals(scalar(node));
  }

  private List<String> list(Node node) {
    if (node == null) {
      return List.of();
    }
    if (!(node instanceof SequenceNode seq)) {
      throw error(node, "此处应为列表，例如 [a, b]");
    }
    return seq.getValue().stream().map(this::scalar).map(String::trim).toList();
  }

  private static int line(Node node) {
    return node.getStartMark().getLine() + 1;
  }

  private OrganisationFileException error(Node node, String message) {
    return new OrganisationFileException(source + " 第 " + line(node) + " 行: " + message);
  }
}
