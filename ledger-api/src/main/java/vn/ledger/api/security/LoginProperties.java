package vn.ledger.api.security;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Sign-in settings under {@code ledger.login}.
 *
 * @param maxFailuresPerUser    failed sign-ins under one user name within {@code window} that lock that name
 * @param maxFailuresPerAddress failed sign-ins from one client address within {@code window} (whatever the user
 *                              names) that lock that address; higher, since several people may share an address
 * @param window                how long a failure counts
 * @param lock                  how long a locked name or address is refused (429 with Retry-After)
 * @param plainPasswordsAllowed whether {@code {noop}} (plain-text) passwords may be configured: only the demo
 *                              profile sets it; otherwise start-up refuses them
 */
@Validated
@ConfigurationProperties(prefix = "ledger.login")
public record LoginProperties(@DefaultValue("5") @Min(1) int maxFailuresPerUser,
                              @DefaultValue("20") @Min(1) int maxFailuresPerAddress,
                              @DefaultValue("PT15M") Duration window,
                              @DefaultValue("PT5M") Duration lock,
                              @DefaultValue("false") boolean plainPasswordsAllowed) {
}
