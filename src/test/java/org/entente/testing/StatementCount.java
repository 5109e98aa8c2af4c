package org.entente.testing;

import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Counts the SQL statements the current thread sends to the database: a MockMvc request runs on the
 * test's thread, so {@code StatementCount.of(() -> mvc.perform(...))} is the number of statements
 * that request ran. As a bean post-processor ({@link Fixtures}) it puts a counting driver-level
 * data source under the application's Hikari pool before the pool starts; the bean stays the same
 * {@link HikariDataSource}. Every {@code execute...} call of a statement counts once (a batch
 * counts once).
 */
public final class StatementCount implements BeanPostProcessor {

  private static final ThreadLocal<long[]> COUNT = ThreadLocal.withInitial(() -> new long[1]);

  /** The statements' text, kept only while {@link #of} runs and asked to keep them. */
  private static final ThreadLocal<List<String>> SQL = new ThreadLocal<>();

  /** What a piece of work returned, how many statements it ran and (when kept) which. */
  public record Counted<T>(T result, long statements, List<String> sql) {}

  /** Runs the work on this thread and counts the statements it sent. */
  public static <T> Counted<T> of(Callable<T> work) throws Exception {
    return of(work, false);
  }

  /**
   * Runs the work on this thread, counts the statements it sent and, if asked, keeps their text.
   */
  public static <T> Counted<T> of(Callable<T> work, boolean keepSql) throws Exception {
    long before = COUNT.get()[0];
    SQL.set(keepSql ? new ArrayList<>() : null);
    try {
      T result = work.call();
      List<String> sql = SQL.get() == null ? List.of() : List.copyOf(SQL.get());
      return new Counted<>(result, COUNT.get()[0] - before, sql);
    } finally {
      SQL.remove();
    }
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof HikariDataSource pool && !pool.isRunning() && pool.getJdbcUrl() != null) {
      DriverManagerDataSource driver =
          new DriverManagerDataSource(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
      pool.setDataSource(counting(javax.sql.DataSource.class, driver, null));
    }
    return bean;
  }

  private static <T> T counting(Class<T> type, T target, String sql) {
    InvocationHandler handler =
        (proxy, method, args) -> {
          Object result = invoke(method, target, args);
          String name = method.getName();
          if (name.startsWith("execute") && target instanceof Statement) {
            COUNT.get()[0]++;
            if (SQL.get() != null) {
              SQL.get()
                  .add(
                      String.valueOf(
                          args != null && args.length > 0 && args[0] instanceof String s
                              ? s
                              : sql));
            }
          }
          String next = name.startsWith("prepare") && args[0] instanceof String s ? s : null;
          return wrap(result, next);
        };
    return type.cast(
        Proxy.newProxyInstance(
            StatementCount.class.getClassLoader(), new Class<?>[] {type}, handler));
  }

  private static Object wrap(Object result, String sql) {
    if (result instanceof CallableStatement call) {
      return counting(CallableStatement.class, call, sql);
    }
    if (result instanceof PreparedStatement prepared) {
      return counting(PreparedStatement.class, prepared, sql);
    }
    if (result instanceof Statement statement) {
      return counting(Statement.class, statement, sql);
    }
    if (result instanceof Connection connection) {
      return counting(Connection.class, connection, null);
    }
    return result;
  }

  private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
