package vn.ledger.api.demo;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Profiles;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The demo data loads with the {@code demo} profile, which also brings the users it acts as
 * ({@code application-demo.yml}); there is no other switch, so that the demo's well-known passwords never come
 * without it being asked for by name.
 */
public class DemoEnabled implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return context.getEnvironment().acceptsProfiles(Profiles.of("demo"));
    }
}
