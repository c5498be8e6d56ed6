package vn.ledger.api.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.PostMapping;
import vn.ledger.api.idempotency.IdempotencyFilter;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** JSON input as officials write it, and the OpenAPI description. */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration {

    private static final Pattern DMY = Pattern.compile("(\\d{1,2})\\s*/\\s*(\\d{1,2})\\s*/\\s*(\\d{4})");
    private static final Pattern MY = Pattern.compile("(\\d{1,2})\\s*/\\s*(\\d{4})");

    /** Dates in requests: ISO ({@code 2026-03-25}) or day/month/year ({@code 25/3/2026}); months: {@code 2026-04} or {@code 4/2026}. */
    @Bean
    public Jackson2ObjectMapperBuilderCustomizer officialDates() {
        SimpleModule module = new SimpleModule("official-dates");
        module.addDeserializer(LocalDate.class, new JsonDeserializer<>() {
            @Override
            public LocalDate deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
                String text = textOf(p, ctx, LocalDate.class);
                if (text.isBlank()) {
                    return null;
                }
                text = text.strip();
                try {
                    Matcher m = DMY.matcher(text);
                    if (m.matches()) {
                        return LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)),
                                Integer.parseInt(m.group(1)));
                    }
                    return LocalDate.parse(text);
                } catch (DateTimeException e) {
                    return (LocalDate) ctx.handleWeirdStringValue(LocalDate.class, text,
                            "not a date: write 2026-03-25 or 25/3/2026");
                }
            }
        });
        module.addDeserializer(YearMonth.class, new JsonDeserializer<>() {
            @Override
            public YearMonth deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
                String text = textOf(p, ctx, YearMonth.class);
                if (text.isBlank()) {
                    return null;
                }
                text = text.strip();
                try {
                    Matcher m = MY.matcher(text);
                    if (m.matches()) {
                        return YearMonth.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
                    }
                    return YearMonth.parse(text);
                } catch (DateTimeException e) {
                    return (YearMonth) ctx.handleWeirdStringValue(YearMonth.class, text,
                            "not a month: write 2026-04 or 4/2026");
                }
            }
        });
        return builder -> builder.modulesToInstall(module);
    }

    /**
     * A date or month is read from a JSON string only: an object, array, number or boolean is refused (it was
     * once read as "no date" with the rest of the body misread). JSON null never reaches a deserializer.
     */
    private static String textOf(JsonParser p, DeserializationContext ctx, Class<?> type) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            return ctx.reportInputMismatch(type, "a %s is written as a string "
                    + "(2026-03-25 or 25/3/2026; a month 2026-04 or 4/2026)", type.getSimpleName());
        }
        return p.getText();
    }

    /** Documents the optional Idempotency-Key header on every POST. */
    @Bean
    public OperationCustomizer idempotencyKeyHeader() {
        return (operation, handlerMethod) -> {
            if (handlerMethod.hasMethodAnnotation(PostMapping.class)) {
                operation.addParametersItem(new HeaderParameter()
                        .name(IdempotencyFilter.HEADER)
                        .required(false)
                        .description("Optional, per user: a retry with the same key and body gets the first answer "
                                + "again and appends nothing; the same key with another body is 422.")
                        .schema(new StringSchema().maxLength(200)));
            }
            return operation;
        };
    }

    @Bean
    public OpenAPI ledgerOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Directive Ledger API").version("0.1.0")
                        .description("""
                                Every step of a directive's life (issue, forward, assign, report, complete...) \
                                recorded once, as an immutable event. Callers authenticate with HTTP Basic; the \
                                acting person of every command is the authenticated user, never the request body.

                                Ids: a body is its code (TU-DIENBIEN); a directive a UUID; a task \
                                directiveId/code (a delegated child parentId.n), addressed as \
                                /api/tasks/{directiveId}/{code}/...; GET /api/history/{id} takes any of them.

                                Every POST accepts an optional Idempotency-Key header: a retry with the same key \
                                and body gets the first answer again and appends nothing.

                                Errors are RFC 9457 problem+json with `rule` (a stable dotted code) and `field`.\
                                """))
                .components(new Components().addSecuritySchemes("basic",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
