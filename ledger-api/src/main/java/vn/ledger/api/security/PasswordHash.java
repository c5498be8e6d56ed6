package vn.ledger.api.security;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Prints the {@code {bcrypt}} hash of a password to put in {@code ledger.users[i].password}. The password is read
 * from the console without echo (or one line of standard input), never from the command line, so that it stays
 * out of the shell's history. Run it with
 * {@code mvn -q -pl ledger-api org.codehaus.mojo:exec-maven-plugin:3.5.0:java
 * -Dexec.mainClass=vn.ledger.api.security.PasswordHash}.
 */
public final class PasswordHash {

    /**
     * Bcrypt's cost, Spring's default: 2^10 rounds. HTTP Basic checks the password on every request, so a higher
     * cost is paid by every request, not only by a sign-in.
     */
    static final int STRENGTH = 10;

    private PasswordHash() {
    }

    public static void main(String[] args) throws IOException {
        Console console = System.console();
        String password;
        if (console != null) {
            char[] typed = console.readPassword("password: ");
            password = typed == null ? null : new String(typed);
        } else {
            password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        }
        if (password == null || password.isEmpty()) {
            System.err.println("no password given");
            System.exit(2);
        }
        System.out.println("{bcrypt}" + new BCryptPasswordEncoder(STRENGTH).encode(password));
    }
}
