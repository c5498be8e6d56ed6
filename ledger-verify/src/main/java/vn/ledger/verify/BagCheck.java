package vn.ledger.verify;

import vn.ledger.verify.Problem.Kind;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * The BagIt checks of RFC 8493: {@code bagit.txt} is there, every file a manifest lists exists and has the listed
 * SHA-256, every payload file is listed, every tag file the tag manifest lists matches, and Payload-Oxum agrees.
 */
final class BagCheck {

    private static final String MANIFEST = "manifest-sha256.txt";
    private static final String TAG_MANIFEST = "tagmanifest-sha256.txt";

    private final BagFiles files;
    private final List<Problem> problems;

    BagCheck(BagFiles files, List<Problem> problems) {
        this.files = files;
        this.problems = problems;
    }

    void run() throws IOException {
        if (!files.exists("bagit.txt")) {
            problems.add(new Problem(Kind.MISSING, "bagit.txt", 0, "not a bag: no bagit.txt"));
        } else if (!read("bagit.txt").startsWith("BagIt-Version: ")) {
            problems.add(new Problem(Kind.MALFORMED, "bagit.txt", 1, "no BagIt-Version line"));
        }
        long[] oxum = {0, 0};
        Set<String> listed = manifest(MANIFEST, oxum);
        for (String path : files.paths()) {
            if (path.startsWith("data/") && !listed.contains(path)) {
                problems.add(new Problem(Kind.EXTRA, path, 0, "a payload file " + MANIFEST + " does not list"));
            }
        }
        manifest(TAG_MANIFEST, new long[2]);
        if (files.exists("bag-info.txt")) {
            String[] lines = read("bag-info.txt").split("\n");
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].startsWith("Payload-Oxum: ")) {
                    String stated = lines[i].substring("Payload-Oxum: ".length()).trim();
                    String found = oxum[0] + "." + oxum[1];
                    if (!stated.equals(found)) {
                        problems.add(new Problem(Kind.STALE_MANIFEST, "bag-info.txt", i + 1, "Payload-Oxum "
                                + stated + ", the payload the manifest lists is " + found));
                    }
                }
            }
        }
    }

    /** Checks each line of a manifest; returns the paths it lists, adds bytes and files to {@code oxum}. */
    private Set<String> manifest(String manifest, long[] oxum) throws IOException {
        Set<String> listed = new HashSet<>();
        if (!files.exists(manifest)) {
            problems.add(new Problem(Kind.MISSING, manifest, 0, "the bag has no " + manifest));
            return listed;
        }
        String[] lines = read(manifest).split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] parts = lines[i].split("\\s+", 2);
            if (parts.length != 2) {
                problems.add(new Problem(Kind.MALFORMED, manifest, i + 1, "not \"digest path\""));
                continue;
            }
            String path = parts[1].trim();
            listed.add(path);
            if (!files.exists(path)) {
                problems.add(new Problem(Kind.MISSING, path, 0, "listed at " + manifest + " line " + (i + 1)
                        + " but not in the bag"));
                continue;
            }
            long[] size = {0};
            String digest = sha256(path, size);
            oxum[0] += size[0];
            oxum[1]++;
            if (!digest.equalsIgnoreCase(parts[0])) {
                problems.add(new Problem(Kind.STALE_MANIFEST, path, 0, "its SHA-256 is " + digest + ", " + manifest
                        + " line " + (i + 1) + " lists " + parts[0]
                        + " (the file changed after bagging, or the manifest is stale)"));
            }
        }
        return listed;
    }

    private String sha256(String path, long[] size) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = files.open(path)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
                size[0] += n;
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private String read(String path) throws IOException {
        try (InputStream in = files.open(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
