package vn.ledger.api.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Start-up checks of {@code ledger.users}: there are no default users, and a configured password must be a hash
 * the application can check, never plain text outside the demo. Refused configurations stop the start with a
 * message that says what to write instead.
 */
final class ConfiguredUsers {

    private static final Logger log = LoggerFactory.getLogger(ConfiguredUsers.class);
    private static final Pattern BCRYPT = Pattern.compile("\\{bcrypt}\\$2[aby]?\\$\\d\\d\\$[./0-9A-Za-z]{53}");
    private static final Pattern OTHER_STRONG = Pattern.compile("\\{(pbkdf2|pbkdf2@SpringSecurity_v5_8)}.+");
    static final String HOW_TO_HASH = "make a hash with `htpasswd -nbBC 10 '' 'the password' | tr -d ':\\n'` or "
            + "`mvn -q -pl ledger-api org.codehaus.mojo:exec-maven-plugin:3.5.0:java "
            + "-Dexec.mainClass=vn.ledger.api.security.PasswordHash` (after `mvn -q install -DskipTests`; it asks "
            + "for the password) and give it as {bcrypt}<hash>";

    private ConfiguredUsers() {
    }

    /** @throws IllegalStateException naming every refused user and why */
    static void check(List<LedgerUsersProperties.User> users, boolean plainPasswordsAllowed) {
        List<String> refused = new ArrayList<>();
        for (LedgerUsersProperties.User u : users) {
            String password = u.password();
            if (password.startsWith("{noop}")) {
                if (!plainPasswordsAllowed) {
                    refused.add(u.username() + ": a {noop} (plain-text) password is refused outside the demo "
                            + "profile");
                }
            } else if (!BCRYPT.matcher(password).matches() && !OTHER_STRONG.matcher(password).matches()) {
                refused.add(u.username() + ": the password is not a {bcrypt} hash ({bcrypt}$2a$10$ and 53 "
                        + "characters) nor a {pbkdf2} one");
            }
        }
        if (!refused.isEmpty()) {
            throw new IllegalStateException("ledger.users: " + String.join("; ", refused) + ". For each, "
                    + HOW_TO_HASH + ".");
        }
        if (users.isEmpty()) {
            log.warn("No users are configured (ledger.users is empty), so every request that needs a login is "
                    + "refused with 401: there are no default credentials. Add users, as arguments "
                    + "--ledger.users[0].username=admin --ledger.users[0].password={bcrypt}<hash> "
                    + "--ledger.users[0].full-name=<name> --ledger.users[0].body-code=<the body it acts for> "
                    + "--ledger.users[0].roles[0]=ADMIN or the same keys in an application.yml beside the "
                    + "application; {}. To try the system with the demo data and its well-known users instead, "
                    + "start with --spring.profiles.active=demo.", HOW_TO_HASH);
        } else if (plainPasswordsAllowed && users.stream().anyMatch(u -> u.password().startsWith("{noop}"))) {
            log.warn("Plain-text ({noop}) passwords are in use (ledger.login.plain-passwords-allowed, the demo "
                    + "profile): never expose this instance");
        }
    }
}
