package vn.ledger.api.config;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.annotation.AnnotationUtils;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

import java.lang.annotation.Annotation;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

import static org.axonframework.common.ReflectionUtils.ensureAccessible;
import static org.axonframework.common.ReflectionUtils.fieldsOf;
import static org.axonframework.common.ReflectionUtils.methodsOf;

/**
 * Axon's {@link AnnotationCommandTargetResolver}, with the member that carries {@link TargetAggregateIdentifier}
 * (and {@link TargetAggregateVersion}) looked up once per command class instead of on every command: Axon's walks
 * every method and field of the command, with their meta-annotations, twice per command (a few per cent of a
 * command's CPU in the HTTP benchmark's profile). The member found, and the answer, are Axon's: a method without
 * parameters first, then a field; the identifier as its {@code toString()}, the version as a long.
 */
final class CachedCommandTargetResolver implements CommandTargetResolver {

    private static final ClassValue<Target> TARGETS = new ClassValue<>() {
        @Override
        protected Target computeValue(Class<?> type) {
            return new Target(annotated(type, TargetAggregateIdentifier.class),
                    annotated(type, TargetAggregateVersion.class));
        }
    };

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        Target target = TARGETS.get(command.getPayloadType());
        Object payload = command.getPayload();
        String id;
        Long version;
        try {
            Object idValue = read(target.identifier(), payload);
            id = idValue == null ? null : idValue.toString();
            version = asLong(read(target.version(), payload));
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("An exception occurred while extracting aggregate "
                    + "information form a command", e);
        } catch (IllegalAccessException e) {
            throw new IllegalArgumentException("The current security context does not allow extraction of "
                    + "aggregate information from the given command.", e);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The value provided for the version is not a number.", e);
        }
        if (id == null) {
            throw new IllegalArgumentException(String.format("Invalid command. It does not identify the target "
                    + "aggregate. Make sure at least one of the fields or methods in the [%s] class contains the "
                    + "@TargetAggregateIdentifier annotation and that it returns a non-null value.",
                    command.getPayloadType().getSimpleName()));
        }
        return new VersionedAggregateIdentifier(id, version);
    }

    /** The annotated member of a command class, or null. */
    private record Target(AccessibleObject identifier, AccessibleObject version) {
    }

    private static AccessibleObject annotated(Class<?> type, Class<? extends Annotation> annotation) {
        for (Method m : methodsOf(type)) {
            if (AnnotationUtils.isAnnotationPresent(m, annotation)) {
                return ensureAccessible(m);
            }
        }
        for (Field f : fieldsOf(type)) {
            if (AnnotationUtils.isAnnotationPresent(f, annotation)) {
                return ensureAccessible(f);
            }
        }
        return null;
    }

    private static Object read(AccessibleObject member, Object payload)
            throws InvocationTargetException, IllegalAccessException {
        if (member instanceof Method m) {
            return m.invoke(payload);
        }
        return member instanceof Field f ? f.get(payload) : null;
    }

    private static Long asLong(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof Number n ? n.longValue() : Long.parseLong(value.toString());
    }
}
