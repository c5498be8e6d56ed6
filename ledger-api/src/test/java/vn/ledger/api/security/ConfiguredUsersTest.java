package vn.ledger.api.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What start-up accepts as configured passwords: hashes; plain text only where explicitly allowed (the demo). */
class ConfiguredUsersTest {

    private static final String BCRYPT = "{bcrypt}" + new BCryptPasswordEncoder(4).encode("secret");

    @Test
    void bcryptAndPbkdf2HashesAreAccepted() {
        // (the form only: a real pbkdf2 hash at Spring's defaults takes seconds to make)
        String pbkdf2 = "{pbkdf2}5d923b44a6d129f3ddf3e3c8d29412723dcbde72445e8ef6bf3b508fbf17fa4ed4d6b99ca763d8dc";
        assertThatCode(() -> ConfiguredUsers.check(List.of(user("a", BCRYPT), user("b", pbkdf2)), false))
                .doesNotThrowAnyException();
    }

    @Test
    void aPlainTextPasswordIsRefusedOutsideTheDemoNamingTheUserAndHowToHash() {
        assertThatThrownBy(() -> ConfiguredUsers.check(List.of(user("a", BCRYPT), user("boss", "{noop}boss")), false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("boss: a {noop} (plain-text) password is refused outside the demo profile")
                .hasMessageContaining("htpasswd").hasMessageContaining("PasswordHash")
                .message().doesNotContain("a:");
        assertThatCode(() -> ConfiguredUsers.check(List.of(user("boss", "{noop}boss")), true))
                .doesNotThrowAnyException();
    }

    @Test
    void aPasswordThatIsNoUsableHashIsRefused() {
        for (String password : new String[]{"secret", "{bcrypt}secret", "{MD5}5ebe2294ecd0e0f08eab7690d2a6ee69",
                "$2a$10$abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0"}) {
            assertThatThrownBy(() -> ConfiguredUsers.check(List.of(user("x", password)), true)).as(password)
                    .hasMessageContaining("x: the password is not a {bcrypt} hash");
        }
    }

    @Test
    void theUsersOfTheLoginAreCheckedWhenTheyAreBuilt() {
        // the bean that start-up builds from ledger.users (a whole start, refused by it, takes half a minute here)
        LoginProperties login = new LoginProperties(5, 20, Duration.ofMinutes(15), Duration.ofMinutes(5), false);
        assertThatThrownBy(() -> new SecurityConfiguration().userDetailsService(
                new LedgerUsersProperties(List.of(user("admin", "{noop}admin"))), login))
                .hasMessageContaining("admin: a {noop} (plain-text) password is refused outside the demo profile");
        assertThat(new SecurityConfiguration().userDetailsService(
                new LedgerUsersProperties(List.of(user("admin", BCRYPT))), login).loadUserByUsername("admin"))
                .isInstanceOf(LedgerUser.class);
    }

    private static LedgerUsersProperties.User user(String name, String password) {
        return new LedgerUsersProperties.User(name, password, "Người " + name, null, "VPTW", Set.of(Role.OFFICER));
    }
}
