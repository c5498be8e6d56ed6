package vn.ledger.api;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Passwords of the users a test configures, as the application requires them outside the demo: {@code {bcrypt}}
 * hashes. At bcrypt's lowest cost (2^4 rounds), since HTTP Basic checks the password on every request.
 */
public final class TestPasswords {

    private static final BCryptPasswordEncoder CHEAP = new BCryptPasswordEncoder(4);
    private static final Map<String, String> HASHES = new ConcurrentHashMap<>();

    private TestPasswords() {
    }

    public static String hash(String password) {
        return HASHES.computeIfAbsent(password, p -> "{bcrypt}" + CHEAP.encode(p));
    }
}
