package vn.ledger.projections.search;

import vn.ledger.core.shared.Text;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tokenises Vietnamese text for search. Text is folded first ({@link Text#fold}: Unicode NFD, diacritics removed,
 * "đ" to "d", lower case), so "triển khai", "TRIỂN KHAI" and "trien khai" give the same tokens. A chunk joined by
 * symbol connectors ({@code / - . & _}), such as "22-TB/VPTW", "KH&CN" or "4/2026", is kept whole and also split
 * into its parts ("22", "tb", "vptw"), so a symbol matches whole and by its parts.
 */
public final class SearchText {

    private static final Pattern SPLIT = Pattern.compile("[^\\p{L}\\p{N}/\\-.&_]+");
    private static final Pattern CONNECTORS = Pattern.compile("[/\\-.&_]+");

    private SearchText() {
    }

    /** A word of a query: a plain word, or a symbol-like chunk with its parts. */
    public record Word(String whole, List<String> parts) {

        /** Every token this word looks up. */
        public List<String> tokens() {
            List<String> all = new ArrayList<>();
            all.add(whole);
            all.addAll(parts);
            return all;
        }
    }

    /** The tokens under which a text is indexed: each word, each symbol-like chunk whole, and its parts. */
    public static Set<String> tokens(String text) {
        Set<String> out = new LinkedHashSet<>();
        for (Word w : words(text)) {
            out.addAll(w.tokens());
        }
        return out;
    }

    /** The words of a text (or query), folded, in order, without repeats. */
    public static List<Word> words(String text) {
        Set<String> seen = new LinkedHashSet<>();
        List<Word> out = new ArrayList<>();
        for (String chunk : SPLIT.split(Text.fold(text))) {
            String c = trimConnectors(chunk);
            if (c.isEmpty() || !seen.add(c)) {
                continue;
            }
            List<String> parts = new ArrayList<>();
            if (CONNECTORS.matcher(c).find()) {
                for (String p : CONNECTORS.split(c)) {
                    if (!p.isEmpty() && !parts.contains(p)) {
                        parts.add(p);
                    }
                }
            }
            out.add(new Word(c, List.copyOf(parts)));
        }
        return out;
    }

    private static String trimConnectors(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && "/-.&_".indexOf(s.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && "/-.&_".indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(start, end);
    }
}
