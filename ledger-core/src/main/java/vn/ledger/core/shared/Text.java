package vn.ledger.core.shared;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Small null-tolerant helpers shared by the records and aggregates. */
public final class Text {

    private Text() {
    }

    public static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /**
     * Immutable copy of a list from a command or event. Null becomes empty (a JSON field left out) and null
     * elements are dropped, because List.copyOf would throw on them and a hole in a list carries no meaning.
     */
    public static <T> List<T> listOf(List<T> list) {
        if (list == null || list.isEmpty()) {
            return List.of();
        }
        List<T> copy = new ArrayList<>(list.size());
        for (T t : list) {
            if (t != null) {
                copy.add(t);
            }
        }
        return List.copyOf(copy);
    }

    /**
     * Folds text for matching: NFD, combining marks removed, "đ" to "d", lower case, whitespace collapsed. So
     * NFC, NFD, upper case and text typed without diacritics compare alike ("22-TB/CQTTBCĐ" = "22-tb/cqttbcd").
     */
    public static String fold(String s) {
        if (s == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(s, Normalizer.Form.NFD);
        String stripped = decomposed.replaceAll("\\p{M}+", "").replace('đ', 'd').replace('Đ', 'D');
        return stripped.toLowerCase(Locale.ROOT).replaceAll("[\\s\\u00A0\\u2007\\u202F]+", " ").trim();
    }

    /** Refuses a blank required text: the refusal names the field and a stable rule code. */
    public static void require(String field, String rule, String value) {
        if (isBlank(value)) {
            throw new DomainRuleViolation(field, rule, "The " + field + " is required");
        }
    }
}
