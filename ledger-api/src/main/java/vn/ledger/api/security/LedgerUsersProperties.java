package vn.ledger.api.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.util.List;
import java.util.Set;

/**
 * The users of the HTTP Basic login, under {@code ledger.users}; none by default (the demo profile brings its own).
 * Passwords carry their encoding prefix: {@code {bcrypt}...}; {@code {noop}...} (plain text) only with
 * {@code ledger.login.plain-passwords-allowed}, which the demo profile sets ({@link ConfiguredUsers} checks them).
 */
@Validated
@ConfigurationProperties(prefix = "ledger")
public record LedgerUsersProperties(@Valid List<User> users) {

    public LedgerUsersProperties {
        users = users == null ? List.of() : List.copyOf(users);
    }

    public record User(@NotBlank String username,
                       @NotBlank String password,
                       @NotBlank String fullName,
                       String position,
                       @NotBlank String bodyCode,
                       @NotEmpty Set<Role> roles) {
    }
}
