package vn.ledger.bench.cascade;

import org.axonframework.eventhandling.EventHandler;
import vn.ledger.projections.chain.ChainProjection;
import vn.ledger.projections.store.ReadStore;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Every projection of ledger-projections: the concrete classes of {@code vn.ledger.projections} with an
 * {@code @EventHandler} method and a constructor taking a {@link ReadStore}, found on the class path, so that a
 * projection added later is rebuilt too without touching the benchmark.
 */
final class Projections {

    private Projections() {
    }

    static List<Class<?>> classes() {
        List<String> names = new ArrayList<>();
        try {
            Path location = Path.of(ChainProjection.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(location)) {
                Path root = location.resolve("vn/ledger/projections");
                try (Stream<Path> files = Files.walk(root)) {
                    files.map(f -> location.relativize(f).toString().replace('\\', '/'))
                            .filter(n -> n.endsWith(".class")).forEach(names::add);
                }
            } else {
                try (JarFile jar = new JarFile(location.toFile())) {
                    jar.stream().map(JarEntry::getName)
                            .filter(n -> n.startsWith("vn/ledger/projections/") && n.endsWith(".class"))
                            .forEach(names::add);
                }
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot list the classes of ledger-projections", e);
        }
        List<Class<?>> out = new ArrayList<>();
        for (String n : names) {
            if (n.contains("$")) {
                continue;
            }
            String className = n.substring(0, n.length() - ".class".length()).replace('/', '.');
            Class<?> type;
            try {
                type = Class.forName(className, false, Projections.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                continue;
            }
            if (type.isInterface() || Modifier.isAbstract(type.getModifiers()) || storeConstructor(type) == null) {
                continue;
            }
            if (handles(type)) {
                out.add(type);
            }
        }
        out.sort(Comparator.comparing(Class::getName));
        return out;
    }

    static List<Object> instantiate(List<Class<?>> types, ReadStore store) {
        List<Object> out = new ArrayList<>();
        for (Class<?> type : types) {
            try {
                out.add(storeConstructor(type).newInstance(store));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot create " + type.getName(), e);
            }
        }
        return out;
    }

    private static boolean handles(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.isAnnotationPresent(EventHandler.class)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Constructor<?> storeConstructor(Class<?> type) {
        try {
            return type.getConstructor(ReadStore.class);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }
}
