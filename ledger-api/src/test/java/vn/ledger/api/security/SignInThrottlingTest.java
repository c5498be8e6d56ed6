package vn.ledger.api.security;

import vn.ledger.api.MovableClock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import vn.ledger.api.TestPasswords;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Sign-in throttling over HTTP Basic, with users configured here (bcrypt hashes, no demo) and a short policy: three
 * failures per user name or five per address within a minute lock it for thirty seconds. The lock's clock is the
 * test's, moved forward instead of waited for.
 */
@SpringBootTest(properties = {"ledger.embedded.in-memory=true",
        "ledger.login.max-failures-per-user=3", "ledger.login.max-failures-per-address=5",
        "ledger.login.window=PT1M", "ledger.login.lock=PT30S"})
@AutoConfigureMockMvc
class SignInThrottlingTest {

    private static final String READ = "/api/audit";
    private static final String PASSWORD = "correct horse battery staple";
    private static final MovableClock CLOCK = new MovableClock(Instant.parse("2026-04-10T03:00:00Z"));
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @DynamicPropertySource
    static void users(DynamicPropertyRegistry registry) {
        String[] names = {"th.alice", "th.bob", "th.carol", "th.dave", "th.erin"};
        for (int i = 0; i < names.length; i++) {
            String p = "ledger.users[" + i + "].";
            String name = names[i];
            registry.add(p + "username", () -> name);
            registry.add(p + "password", () -> TestPasswords.hash(PASSWORD));
            registry.add(p + "full-name", () -> "Người thử " + name);
            registry.add(p + "body-code", () -> "VPTW");
            registry.add(p + "roles[0]", () -> "INSPECTOR");
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class TestClock {
        @Bean
        @Primary
        LoginThrottle testLoginThrottle(LoginProperties properties) {
            return new LoginThrottle(properties, CLOCK);
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;

    @Test
    void aUserNameIsLockedAfterThreeFailuresWhateverTheAddressThenAcceptedAfterTheWait() throws Exception {
        String home = newAddress();
        assertThat(signIn("th.alice", "guess 1", home).getStatus()).isEqualTo(401);
        assertThat(signIn("th.alice", "guess 2", home).getStatus()).isEqualTo(401);
        assertThat(signIn("th.alice", "guess 3", home).getStatus()).isEqualTo(401);

        // locked: refused with the right password too, from any address, and told for how long
        assertThrottled(signIn("th.alice", PASSWORD, home), "user", 30);
        assertThrottled(signIn("th.alice", PASSWORD, newAddress()), "user", 30);
        CLOCK.move(Duration.ofSeconds(12));
        assertThrottled(signIn("th.alice", "guess 4", home), "user", 18);
        // the address is not locked (three failures of five): another user signs in from it
        assertThat(signIn("th.bob", PASSWORD, home).getStatus()).isEqualTo(200);

        CLOCK.move(Duration.ofSeconds(18));
        assertThat(signIn("th.alice", PASSWORD, home).getStatus()).isEqualTo(200);
    }

    @Test
    void anAddressIsLockedAfterFiveFailuresWhateverTheUserNamesThenAcceptedAfterTheWait() throws Exception {
        String guesser = newAddress();
        for (String name : new String[]{"th.carol", "th.dave", "nobody.1", "nobody.2", "nobody.3"}) {
            assertThat(signIn(name, "guess", guesser).getStatus()).as(name).isEqualTo(401);
        }

        // locked: any user name from that address, the right password included; not the users elsewhere
        assertThrottled(signIn("th.erin", PASSWORD, guesser), "address", 30);
        assertThrottled(signIn("th.carol", PASSWORD, guesser), "address", 30);
        assertThat(signIn("th.carol", PASSWORD, newAddress()).getStatus()).isEqualTo(200);

        CLOCK.move(Duration.ofSeconds(30));
        assertThat(signIn("th.erin", PASSWORD, guesser).getStatus()).isEqualTo(200);
    }

    @Test
    void anUnknownUserNameIsLockedLikeAKnownOne() throws Exception {
        String address = newAddress();
        for (int i = 0; i < 3; i++) {
            assertThat(signIn("no.such.user", "guess " + i, address).getStatus()).isEqualTo(401);
        }
        assertThrottled(signIn("no.such.user", "guess", address), "user", 30);
    }

    @Test
    void failuresOlderThanTheWindowAndFailuresBeforeASuccessDoNotCount() throws Exception {
        String address = newAddress();
        assertThat(signIn("th.dave", "guess 1", address).getStatus()).isEqualTo(401);
        assertThat(signIn("th.dave", "guess 2", address).getStatus()).isEqualTo(401);
        CLOCK.move(Duration.ofSeconds(61));
        assertThat(signIn("th.dave", "guess 3", address).getStatus()).isEqualTo(401);
        assertThat(signIn("th.dave", "guess 4", address).getStatus()).isEqualTo(401);
        assertThat(signIn("th.dave", PASSWORD, address).getStatus()).isEqualTo(200);
        assertThat(signIn("th.dave", "guess 5", newAddress()).getStatus()).isEqualTo(401);
        assertThat(signIn("th.dave", "guess 6", newAddress()).getStatus()).isEqualTo(401);
        assertThat(signIn("th.dave", PASSWORD, newAddress()).getStatus()).isEqualTo(200);
    }

    // ---- helpers ----

    private MockHttpServletResponse signIn(String user, String password, String address) throws Exception {
        return mvc.perform(get(READ).with(httpBasic(user, password)).with(request -> {
            request.setRemoteAddr(address);
            return request;
        })).andReturn().getResponse();
    }

    private void assertThrottled(MockHttpServletResponse response, String scope, long seconds) throws Exception {
        String raw = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as(raw).isEqualTo(429);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getHeader("Retry-After")).isEqualTo(Long.toString(seconds));
        JsonNode problem = json.readTree(raw);
        assertThat(problem.get("rule").asText()).isEqualTo("auth.throttled");
        assertThat(problem.get("status").asInt()).isEqualTo(429);
        assertThat(problem.get("scope").asText()).isEqualTo(scope);
        assertThat(problem.get("retryAfterSeconds").asLong()).isEqualTo(seconds);
        assertThat(problem.get("instance").asText()).isEqualTo(READ);
    }

    /** Each test signs in from its own addresses, so that the tests' failures do not add up. */
    private static String newAddress() {
        return "192.0.2." + ADDRESSES.incrementAndGet();
    }
}
