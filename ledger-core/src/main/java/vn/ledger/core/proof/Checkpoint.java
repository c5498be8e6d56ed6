package vn.ledger.core.proof;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The body of a C2SP {@code tlog-checkpoint}: the log's origin, its tree size in decimal and its root hash in
 * standard base64 (with padding), one per line, then optional extension lines. It is the text of a signed note
 * ({@link SignedNote}).
 */
public record Checkpoint(String origin, long size, byte[] rootHash, List<String> extensions) {

    public Checkpoint {
        if (origin == null || origin.isEmpty() || !singleLine(origin)) {
            throw new IllegalArgumentException("a checkpoint's origin is one non-empty line");
        }
        if (size < 0) {
            throw new IllegalArgumentException("negative tree size " + size);
        }
        if (rootHash == null || rootHash.length != Hashes.SIZE) {
            throw new IllegalArgumentException("a root hash has " + Hashes.SIZE + " bytes");
        }
        rootHash = rootHash.clone();
        extensions = List.copyOf(extensions);
        for (String extension : extensions) {
            if (extension.isEmpty() || !singleLine(extension)) {
                throw new IllegalArgumentException("an extension is one non-empty line");
            }
        }
    }

    public Checkpoint(String origin, long size, byte[] rootHash) {
        this(origin, size, rootHash, List.of());
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    /** The note text: every line ends with a newline, the last one too. */
    public String text() {
        StringBuilder text = new StringBuilder()
                .append(origin).append('\n')
                .append(size).append('\n')
                .append(Base64.getEncoder().encodeToString(rootHash)).append('\n');
        extensions.forEach(extension -> text.append(extension).append('\n'));
        return text.toString();
    }

    /** Reads a checkpoint body; refuses anything {@link #text()} would not have written. */
    public static Checkpoint parse(String text) {
        if (text == null || !text.endsWith("\n")) {
            throw new IllegalArgumentException("a checkpoint ends with a newline");
        }
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        if (lines.length < 3) {
            throw new IllegalArgumentException("a checkpoint has an origin, a size and a root hash");
        }
        if (!lines[1].matches("0|[1-9][0-9]{0,18}")) {
            throw new IllegalArgumentException("not a tree size: " + lines[1]);
        }
        byte[] root;
        try {
            root = Base64.getDecoder().decode(lines[2].getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not base64: " + lines[2], e);
        }
        List<String> extensions = new ArrayList<>(List.of(lines).subList(3, lines.length));
        Checkpoint checkpoint = new Checkpoint(lines[0], Long.parseLong(lines[1]), root, extensions);
        if (!checkpoint.text().equals(text)) {
            throw new IllegalArgumentException("not a canonical checkpoint body");
        }
        return checkpoint;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Checkpoint c && c.text().equals(text());
    }

    @Override
    public int hashCode() {
        return text().hashCode();
    }

    @Override
    public String toString() {
        return text();
    }

    private static boolean singleLine(String s) {
        return s.indexOf('\n') < 0 && s.indexOf('\r') < 0;
    }
}
