package vn.ledger.api.demo;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Profiles;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** The demo data loads with the {@code demo} profile or {@code ledger.demo=true}. */
public class DemoEnabled implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return context.getEnvironment().acceptsProfiles(Profiles.of("demo"))
                || context.getEnvironment().getProperty("ledger.demo", Boolean.class, false);
    }
}
