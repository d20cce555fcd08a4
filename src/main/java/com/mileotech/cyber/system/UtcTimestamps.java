package com.mileotech.cyber.system;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Calendar;
import java.util.TimeZone;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The application's DataSource, with every zone-less TIMESTAMP value written and read as UTC
 * wall-clock time, whatever the JVM's default time zone.
 *
 * <p>Why: Camunda's tables (task due and follow-up dates, job due dates, history...) are
 * {@code TIMESTAMP} without time zone, and the engine (MyBatis) passes {@link java.util.Date}s
 * through {@code setTimestamp}/{@code getTimestamp} without a calendar, which JDBC converts with
 * the JVM's default zone. In Europe/Paris the autumn hour 02:00–03:00 happens twice: a CNIL
 * deadline due in its second occurrence was stored as "02:30" and read back as the first one, one
 * hour early. Camunda's answer is to run the JVM in UTC (docs.camunda.org, user guide, "Time
 * zones"); this does the same for the database only, without a JVM-wide setting and without
 * copying engine internals (its MyBatis configuration has no hook for type handlers, and the
 * webapps' own queries would not see one). The calendar passed to JDBC decides the conversion:
 * UTC has no daylight saving time, so no instant is ambiguous.
 *
 * <p>Covered: {@code PreparedStatement.setTimestamp(int, Timestamp)} and {@code setObject} with a
 * {@link java.util.Date} (not {@code java.sql.Date}/{@code Time}), {@code ResultSet.getTimestamp}
 * and {@code getObject} returning a {@link Timestamp}. A call that gives its own calendar is left
 * as it is. Our own tables do not rely on this: their instants are {@code TIMESTAMP WITH TIME
 * ZONE} bound as {@link java.time.OffsetDateTime} ({@link DbTime}), which no calendar affects.
 */
public final class UtcTimestamps extends DelegatingDataSource {

  private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

  public UtcTimestamps(DataSource target) {
    super(target);
  }

  @Override
  public Connection getConnection() throws SQLException {
    return connection(obtainTargetDataSource().getConnection());
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return connection(obtainTargetDataSource().getConnection(username, password));
  }

  /** A new calendar each time: drivers may keep or change the one they are given. */
  static Calendar utc() {
    return Calendar.getInstance(UTC);
  }

  static Connection connection(Connection target) {
    return proxy(Connection.class, target, (proxy, method, args) -> {
      Object result = invoke(target, method, args);
      return result instanceof Statement statement ? statement(statement) : result;
    });
  }

  private static Statement statement(Statement target) {
    Class<? extends Statement> type = target instanceof CallableStatement ? CallableStatement.class
        : target instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
    return proxy(type, target, (proxy, method, args) -> {
      if (target instanceof PreparedStatement prepared && args != null && args.length >= 2
          && args[0] instanceof Integer index && isTimestampValue(args[1])) {
        String name = method.getName();
        boolean unspecifiedType = args.length == 2 || args[2] instanceof Integer sqlType && sqlType == Types.TIMESTAMP;
        if (name.equals("setTimestamp") && args.length == 2 || name.equals("setObject") && unspecifiedType) {
          prepared.setTimestamp(index, args[1] instanceof Timestamp t ? t : new Timestamp(((java.util.Date) args[1]).getTime()),
              utc());
          return null;
        }
      }
      Object result = invoke(target, method, args);
      return result instanceof ResultSet resultSet ? resultSet(resultSet) : result;
    });
  }

  private static ResultSet resultSet(ResultSet target) {
    return proxy(ResultSet.class, target, (proxy, method, args) -> {
      String name = method.getName();
      if (args != null && args.length >= 1 && (args[0] instanceof Integer || args[0] instanceof String)) {
        if (name.equals("getTimestamp") && args.length == 1) {
          return timestamp(target, args[0]);
        }
        if (name.equals("getObject") && (args.length == 1 || args[1] == Timestamp.class || args[1] == java.util.Date.class)) {
          Object value = invoke(target, method, args);
          return value instanceof Timestamp ? timestamp(target, args[0]) : value;
        }
      }
      return invoke(target, method, args);
    });
  }

  private static Timestamp timestamp(ResultSet rs, Object column) throws SQLException {
    return column instanceof Integer index ? rs.getTimestamp(index, utc()) : rs.getTimestamp((String) column, utc());
  }

  /** A date and time: java.sql.Timestamp or java.util.Date, not a java.sql.Date (a day) or Time. */
  private static boolean isTimestampValue(Object value) {
    return value instanceof java.util.Date && !(value instanceof java.sql.Date) && !(value instanceof java.sql.Time);
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** A proxy of one JDBC interface; unwrap and isWrapperFor see through it; equality is its own. */
  @SuppressWarnings("unchecked")
  private static <T> T proxy(Class<T> type, Object target, InvocationHandler handler) {
    return (T) Proxy.newProxyInstance(UtcTimestamps.class.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) ->
        switch (method.getName()) {
          case "equals" -> proxy == args[0];
          case "hashCode" -> System.identityHashCode(proxy);
          case "toString" -> "UTC timestamps over " + target;
          case "unwrap" -> ((Class<?>) args[0]).isInstance(proxy) ? proxy : invoke(target, method, args);
          case "isWrapperFor" -> ((Class<?>) args[0]).isInstance(proxy) || (boolean) invoke(target, method, args);
          default -> handler.invoke(proxy, method, args);
        });
  }
}
