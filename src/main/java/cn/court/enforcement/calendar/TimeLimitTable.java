package cn.court.enforcement.calendar;

import java.io.InputStream;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.yaml.snakeyaml.Yaml;

/** The court's table of node time limits, read once at start-up and checked entry by entry. */
public class TimeLimitTable {

  private final Map<String, TimeLimit> limits;
  private final String source;

  public TimeLimitTable(Collection<TimeLimit> limits, String source) {
    Map<String, TimeLimit> byName = new LinkedHashMap<>();
    for (TimeLimit limit : limits) {
      if (byName.putIfAbsent(limit.name(), limit) != null) {
        throw new IllegalStateException(source + "：时限名称 '" + limit.name() + "' 重复");
      }
    }
    this.limits = byName;
    this.source = source;
  }

  public static TimeLimitTable read(InputStream yaml, String source) {
    Object root = new Yaml().load(yaml);
    if (!(root instanceof Map<?, ?> top) || !(top.get("limits") instanceof List<?> entries)) {
      throw new IllegalStateException(source + "：应包含 limits 列表");
    }
    return new TimeLimitTable(entries.stream().map(e -> entry(e, source)).toList(), source);
  }

  private static TimeLimit entry(Object raw, String source) {
    if (!(raw instanceof Map<?, ?> e)) {
      throw new IllegalStateException(source + "：limits 的每一项应为 name/label/amount/unit/start/source");
    }
    String name = text(e, "name", source, "?");
    try {
      int amount = Integer.parseInt(text(e, "amount", source, name));
      if (amount <= 0) {
        throw new IllegalArgumentException("amount 应为正整数");
      }
      return new TimeLimit(name, text(e, "label", source, name), amount,
          TimeLimit.parse(TimeLimit.Unit.class, text(e, "unit", source, name), "unit"),
          TimeLimit.parse(TimeLimit.Start.class, text(e, "start", source, name), "start"),
          text(e, "source", source, name));
    } catch (IllegalArgumentException ex) {
      throw new IllegalStateException(source + "：时限 '" + name + "' 有误：" + ex.getMessage(), ex);
    }
  }

  private static String text(Map<?, ?> entry, String key, String source, String name) {
    Object value = entry.get(key);
    if (value == null || value.toString().isBlank()) {
      throw new IllegalStateException(source + "：时限 '" + name + "' 缺少 " + key);
    }
    return value.toString().trim();
  }

  /** The named limit; an unknown name is a modelling error, reported with the names that exist. */
  public TimeLimit get(String name) {
    TimeLimit limit = limits.get(name);
    if (limit == null) {
      throw new ProcessEngineException("时限表 " + source + " 中没有名为 '" + name + "' 的节点时限；已有："
          + String.join("、", limits.keySet()));
    }
    return limit;
  }

  public Collection<TimeLimit> all() {
    return limits.values();
  }
}
