package org.entente.testing;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.util.AopTestUtils;

/**
 * Forgets what the application keeps in memory until a record changes (the charter structure, the
 * portal's overviews and pages, the dashboards): those are keyed by the audit trail's sequence
 * numbers, which start again from the same number once the database is put back, so a value kept in
 * one test would be taken for the next test's. Found by shape rather than by name where it can be:
 * every {@code RecordChanges.Kept} (or other class named ...Kept or ...Cache) held by a bean of the
 * application, the beans named Dashboards and RecordChanges, and filters registered as beans; their
 * maps and collections are emptied, their counters set to zero and their references cleared.
 */
final class KeptValues {

  private KeptValues() {}

  static void forget(ApplicationContext context) {
    visitAll(context, (target, field, value) -> empty(target, field, value));
  }

  /** How many values the application keeps now (entries of the maps and collections). */
  static int count(ApplicationContext context) {
    int[] count = {0};
    visitAll(
        context,
        (target, field, value) -> {
          if (value instanceof Map<?, ?> map) {
            count[0] += map.size();
          } else if (value instanceof Collection<?> collection) {
            count[0] += collection.size();
          }
        });
    return count[0];
  }

  private interface FieldAction {
    void apply(Object target, Field field, Object value);
  }

  private static void visitAll(ApplicationContext context, FieldAction action) {
    Map<Object, Boolean> seen = new IdentityHashMap<>();
    for (Object bean : singletons(context)) {
      Object target = bean instanceof FilterRegistrationBean<?> f ? f.getFilter() : bean;
      if (target == null) {
        continue;
      }
      target = AopTestUtils.getUltimateTargetObject(target);
      if (!target.getClass().getName().startsWith("org.entente.")) {
        continue;
      }
      visit(target, seen, action);
    }
  }

  /** The file the audit checkpoint is kept in, or null when the context has none. */
  static Path checkpointFile(ApplicationContext context) {
    for (Object bean : singletons(context)) {
      Object target = AopTestUtils.getUltimateTargetObject(bean);
      if (target.getClass().getName().equals("org.entente.audit.CheckpointFile")) {
        try {
          Method file = target.getClass().getDeclaredMethod("file");
          file.setAccessible(true);
          return ((Path) file.invoke(target)).toAbsolutePath();
        } catch (ReflectiveOperationException e) {
          return null;
        }
      }
    }
    return null;
  }

  private static Iterable<Object> singletons(ApplicationContext context) {
    ConfigurableListableBeanFactory factory =
        ((ConfigurableApplicationContext) context).getBeanFactory();
    java.util.List<Object> beans = new java.util.ArrayList<>();
    for (String name : factory.getSingletonNames()) {
      Object bean = factory.getSingleton(name);
      if (bean != null) {
        beans.add(bean);
      }
    }
    return beans;
  }

  private static void visit(Object target, Map<Object, Boolean> seen, FieldAction action) {
    if (seen.put(target, Boolean.TRUE) != null) {
      return;
    }
    boolean keeps = keeps(target.getClass());
    for (Class<?> type = target.getClass();
        type != null && type != Object.class;
        type = type.getSuperclass()) {
      if (!type.getName().startsWith("org.entente.")) {
        break;
      }
      for (Field field : type.getDeclaredFields()) {
        if (Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive() && !keeps) {
          continue;
        }
        Object value;
        try {
          field.setAccessible(true);
          value = field.get(target);
        } catch (ReflectiveOperationException | RuntimeException e) {
          continue;
        }
        if (keeps) {
          action.apply(target, field, value);
        } else if (value != null && value.getClass().getName().startsWith("org.entente.")) {
          // a helper the bean holds (e.g. Charters' CharterStructure) may hold a Kept itself
          visit(value, seen, action);
        }
      }
    }
  }

  /** Classes that keep values derived from the records. */
  private static boolean keeps(Class<?> type) {
    String name = type.getSimpleName();
    return type.getName().startsWith("org.entente.")
        && (name.endsWith("Kept")
            || name.endsWith("Cache")
            || name.equals("Dashboards")
            || name.equals("RecordChanges"));
  }

  private static void empty(Object target, Field field, Object value) {
    try {
      if (value instanceof Map<?, ?> map) {
        map.clear();
      } else if (value instanceof Collection<?> collection) {
        collection.clear();
      } else if (value instanceof AtomicReference<?> reference) {
        reference.set(null);
      } else if (!Modifier.isFinal(field.getModifiers())
          && (field.getType() == long.class || field.getType() == int.class)) {
        if (field.getType() == long.class) {
          field.setLong(target, 0L);
        } else {
          field.setInt(target, 0);
        }
      }
    } catch (UnsupportedOperationException | IllegalAccessException e) {
      // an unmodifiable value is not a kept one
    }
  }
}
