package vn.ledger.api.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import vn.ledger.api.problem.ProblemSecurityHandlers;

import java.time.Clock;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * HTTP Basic against {@code ledger.users}; roles per operation (see {@link Role}). LEADER includes OFFICER.
 * 401 and 403 are answered as problem+json. The API is stateless: no session, no CSRF token. There are no
 * default users ({@link ConfiguredUsers}), and repeated failed sign-ins are locked out ({@link LoginThrottle}).
 * HTTP Basic is the only way in: no form login, no OIDC or bearer tokens.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    private static final String ADMIN = Role.ADMIN.name();
    private static final String LEADER = Role.LEADER.name();
    private static final String OFFICER = Role.OFFICER.name();
    private static final String INSPECTOR = Role.INSPECTOR.name();
    private static final String ARCHIVIST = Role.ARCHIVIST.name();

    @Bean
    public PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    public UserDetailsService userDetailsService(LedgerUsersProperties properties, LoginProperties login) {
        ConfiguredUsers.check(properties.users(), login.plainPasswordsAllowed());
        Map<String, LedgerUsersProperties.User> users = properties.users().stream()
                .collect(Collectors.toUnmodifiableMap(LedgerUsersProperties.User::username, Function.identity()));
        return username -> {
            LedgerUsersProperties.User u = users.get(username);
            if (u == null) {
                throw new UsernameNotFoundException("unknown user");
            }
            return LedgerUser.of(u);
        };
    }

    /**
     * Spring Security's own observations off unless {@code ledger.observe-security=true}: with an observation
     * registry it wraps each of its filters, the authentication and the authorization of every request in an
     * observation timed into the meter registry (in the HTTP benchmark's profile, micrometer was the innermost
     * library of about 7 % of the samples in Spring and Tomcat), for metrics nothing here exposes. The request's own {@code http.server.requests}
     * observation stays.
     */
    @Bean
    @ConditionalOnProperty(name = "ledger.observe-security", havingValue = "false", matchIfMissing = true)
    public static SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    public LoginThrottle loginThrottle(LoginProperties properties) {
        return new LoginThrottle(properties, Clock.systemUTC());
    }

    @Bean
    public static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix().role(LEADER).implies(OFFICER).build();
    }

    @Bean
    public SecurityFilterChain apiSecurity(HttpSecurity http, ProblemSecurityHandlers problems,
                                           LoginThrottle throttle, ObjectMapper objectMapper) throws Exception {
        http
                .addFilterBefore(new LoginThrottleFilter(throttle, objectMapper), BasicAuthenticationFilter.class)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems).realmName("ledger"))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml",
                                "/swagger-ui.html", "/swagger-ui/**", "/actuator/health", "/actuator/health/**",
                                "/error").permitAll()
                        // bodies
                        .requestMatchers(HttpMethod.POST, "/api/bodies", "/api/bodies/*/rename",
                                "/api/bodies/*/close", "/api/bodies/*/merge").hasRole(ADMIN)
                        // directives
                        .requestMatchers(HttpMethod.POST, "/api/directives/*/receipts").hasRole(OFFICER)
                        .requestMatchers(HttpMethod.POST, "/api/directives", "/api/directives/*/recall",
                                "/api/directives/*/replace", "/api/directives/*/corrections",
                                "/api/directives/*/aliases", "/api/directives/*/tasks").hasRole(LEADER)
                        // tasks: /api/tasks/{directiveId}/{code}/...
                        .requestMatchers(HttpMethod.POST, "/api/tasks/*/*/acknowledge", "/api/tasks/*/*/reports",
                                "/api/tasks/*/*/extensions", "/api/tasks/*/*/complete").hasRole(OFFICER)
                        .requestMatchers(HttpMethod.POST, "/api/tasks/*/*/urge",
                                "/api/tasks/*/*/extensions/*/grant", "/api/tasks/*/*/extensions/*/refuse",
                                "/api/tasks/*/*/reassign", "/api/tasks/*/*/cancel", "/api/tasks/*/*/accept",
                                "/api/tasks/*/*/reject", "/api/tasks/*/*/delegations").hasRole(LEADER)
                        // archival export: start, follow, download
                        .requestMatchers("/api/exports", "/api/exports/**").hasAnyRole(INSPECTOR, ARCHIVIST)
                        // the verifiable log: checkpoints, proofs, verification (inspectors and operators)
                        .requestMatchers("/api/proof/**").hasAnyRole(Role.INSPECTOR.name(), ADMIN)
                        // read models: generations, rebuilds, comparisons (operators)
                        .requestMatchers("/api/admin/**").hasRole(ADMIN)
                        // reads: any authenticated user, INSPECTOR included
                        .requestMatchers(HttpMethod.GET, "/api/**").authenticated()
                        // the read-side pictures (static page; its data comes from the GETs above)
                        .requestMatchers(HttpMethod.GET, "/ui", "/ui/", "/ui/**").authenticated()
                        // any other write is refused
                        .anyRequest().denyAll());
        return http.build();
    }
}
