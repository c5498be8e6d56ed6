package vn.ledger.core.proof;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A C2SP {@code signed-note} (the format of Go's {@code golang.org/x/mod/sumdb/note}): the text, which ends with a
 * newline, a blank line, then one line per signature: {@code — name base64(keyId ‖ signature)} (an em dash, U+2014).
 * The signed message is the text, its final newline included, the blank line not.
 */
public record SignedNote(String text, List<Signature> signatures) {

    static final String SIGNATURE_PREFIX = "\u2014 ";
    private static final int MAX_SIGNATURES = 100;

    /** One signature line: the key's name, its 4-byte key id, and the signature bytes. */
    public record Signature(String name, int keyId, byte[] signature) {

        public Signature {
            if (!NoteKeys.isValidName(name)) {
                throw new MalformedNoteException("not a key name: " + name);
            }
            signature = signature.clone();
        }

        @Override
        public byte[] signature() {
            return signature.clone();
        }

        public String line() {
            byte[] blob = ByteBuffer.allocate(4 + signature.length).putInt(keyId).put(signature).array();
            return SIGNATURE_PREFIX + name + " " + Base64.getEncoder().encodeToString(blob) + "\n";
        }
    }

    public SignedNote {
        checkText(text);
        signatures = List.copyOf(signatures);
    }

    /** The whole note as it is published. */
    public String format() {
        StringBuilder out = new StringBuilder(text).append('\n');
        signatures.forEach(s -> out.append(s.line()));
        return out.toString();
    }

    public byte[] message() {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Parses a note as Go's {@code note.Open} does, without verifying it (see {@link NoteVerifier#verifies}). */
    public static SignedNote parse(String note) {
        checkCharacters(note);
        int split = note.lastIndexOf("\n\n");
        if (split < 0) {
            throw new MalformedNoteException("no blank line before the signatures");
        }
        String text = note.substring(0, split + 1);
        String lines = note.substring(split + 2);
        if (lines.isEmpty() || !lines.endsWith("\n")) {
            throw new MalformedNoteException("a note ends with a signature line");
        }
        List<Signature> signatures = new ArrayList<>();
        for (String line : lines.substring(0, lines.length() - 1).split("\n", -1)) {
            if (!line.startsWith(SIGNATURE_PREFIX)) {
                throw new MalformedNoteException("not a signature line: " + line);
            }
            String rest = line.substring(SIGNATURE_PREFIX.length());
            int space = rest.indexOf(' ');
            if (space < 0) {
                throw new MalformedNoteException("a signature line has a name and a signature");
            }
            String name = rest.substring(0, space);
            String b64 = rest.substring(space + 1);
            byte[] blob;
            try {
                blob = Base64.getDecoder().decode(b64);
            } catch (IllegalArgumentException e) {
                throw new MalformedNoteException("a signature is not base64: " + b64);
            }
            if (b64.isEmpty() || blob.length < 5 || !NoteKeys.isValidName(name)) {
                throw new MalformedNoteException("malformed signature line: " + line);
            }
            if (signatures.size() == MAX_SIGNATURES) {
                throw new MalformedNoteException("more than " + MAX_SIGNATURES + " signatures");
            }
            ByteBuffer buffer = ByteBuffer.wrap(blob);
            int keyId = buffer.getInt();
            byte[] signature = new byte[buffer.remaining()];
            buffer.get(signature);
            signatures.add(new Signature(name, keyId, signature));
        }
        return new SignedNote(text, signatures);
    }

    static void checkText(String text) {
        if (text == null || text.isEmpty() || !text.endsWith("\n")) {
            throw new MalformedNoteException("a note's text ends with a newline");
        }
        checkCharacters(text);
    }

    /** As Go's note package: no control character but the newline (and so no carriage return). */
    private static void checkCharacters(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\n') {
                throw new MalformedNoteException("control character U+" + String.format("%04X", (int) c));
            }
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    throw new MalformedNoteException("not valid UTF-16 (a lone surrogate)");
                }
            }
        }
    }

    /** A note that is not in the signed-note form. */
    public static final class MalformedNoteException extends IllegalArgumentException {
        public MalformedNoteException(String message) {
            super("malformed note: " + message);
        }
    }
}
