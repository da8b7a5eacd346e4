package cn.court.enforcement.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts what the application sends to the database: statements (a batch counts each entry),
 * round trips (a batch counts once) and commits, with statements per verb and table, so a
 * benchmark can say where the work goes. Register as a bean; it wraps the application's
 * {@link DataSource}.
 */
public class StatementCounter implements BeanPostProcessor {

  private static final Pattern VERB = Pattern.compile("(?is)^\\s*(select|insert|update|delete)\\b");
  private static final Pattern TABLE = Pattern.compile("(?is)\\b(?:from|into|update|join)\\s+(\\w+)");

  private final LongAdder statements = new LongAdder();
  private final LongAdder roundTrips = new LongAdder();
  private final LongAdder commits = new LongAdder();
  private final Map<String, LongAdder> perKind = new ConcurrentHashMap<>();
  private final Map<String, String> kinds = new ConcurrentHashMap<>();
  private final List<String> trace = Collections.synchronizedList(new ArrayList<>());
  private volatile boolean tracing;

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    return bean instanceof DataSource dataSource ? counting(dataSource) : bean;
  }

  /** From now on keep every statement's text (with "COMMIT" lines), until {@link #reset}. */
  public void trace() {
    tracing = true;
  }

  public List<String> traced() {
    return List.copyOf(trace);
  }

  public void reset() {
    tracing = false;
    trace.clear();
    statements.reset();
    roundTrips.reset();
    commits.reset();
    perKind.clear();
  }

  public long statements() {
    return statements.sum();
  }

  public long roundTrips() {
    return roundTrips.sum();
  }

  public long commits() {
    return commits.sum();
  }

  /** Statements per "verb table", largest first, e.g. {@code insert act_hi_detail=191}. */
  public String breakdown(int top) {
    return perKind.entrySet().stream()
        .sorted((a, b) -> Long.compare(b.getValue().sum(), a.getValue().sum()))
        .limit(top)
        .map(e -> e.getKey() + "=" + e.getValue().sum())
        .collect(Collectors.joining(", "));
  }

  /** Statements per table, for the per-area shares. */
  public Map<String, Long> perTable() {
    Map<String, Long> tables = new TreeMap<>();
    perKind.forEach((kind, n) -> tables.merge(kind.substring(kind.indexOf(' ') + 1), n.sum(), Long::sum));
    return tables;
  }

  private DataSource counting(DataSource target) {
    return (DataSource) proxy(DataSource.class, target, (method, args, result) ->
        result instanceof Connection c ? proxy(Connection.class, c, connectionHandler()) : result);
  }

  private Interceptor connectionHandler() {
    return (method, args, result) -> {
      if (method.getName().equals("commit")) {
        commits.increment();
        if (tracing) {
          trace.add("COMMIT");
        }
      }
      if (result instanceof Statement statement) {
        String sql = method.getName().startsWith("prepare") && args != null ? (String) args[0] : null;
        Class<?> type = method.getName().equals("prepareCall") ? CallableStatement.class
            : method.getName().equals("prepareStatement") ? PreparedStatement.class : Statement.class;
        return proxy(type, statement, statementHandler(sql));
      }
      return result;
    };
  }

  private Interceptor statementHandler(String preparedSql) {
    int[] batched = {0};
    return (method, args, result) -> {
      String name = method.getName();
      if (name.equals("addBatch")) {
        batched[0]++;
      } else if (name.equals("executeBatch")) {
        roundTrips.increment();
        statements.add(batched[0]);
        count(preparedSql, batched[0]);
        batched[0] = 0;
      } else if (name.startsWith("execute")) {
        roundTrips.increment();
        statements.increment();
        count(args != null && args.length > 0 && args[0] instanceof String s ? s : preparedSql, 1);
      }
      return result;
    };
  }

  private void count(String sql, int n) {
    if (tracing) {
      trace.add(n + " " + (sql == null ? "?" : sql.replaceAll("\\s+", " ").trim()));
    }
    String kind = sql == null ? "other" : kinds.computeIfAbsent(sql, StatementCounter::kind);
    perKind.computeIfAbsent(kind, k -> new LongAdder()).add(n);
  }

  /** Verb and first table; matched once per statement text (the regexes cost benchmarks 6 % of a step). */
  private static String kind(String sql) {
    Matcher verb = VERB.matcher(sql);
    Matcher table = TABLE.matcher(sql);
    return verb.find() && table.find() ? verb.group(1).toLowerCase() + " " + table.group(1).toLowerCase() : "other";
  }

  @FunctionalInterface
  private interface Interceptor {
    Object after(Method method, Object[] args, Object result) throws Exception;
  }

  private static Object proxy(Class<?> type, Object target, Interceptor interceptor) {
    InvocationHandler handler = (p, method, args) -> {
      try {
        return interceptor.after(method, args, method.invoke(target, args));
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    };
    return Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {type}, handler);
  }
}
