package vn.ledger.api.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** A bundle opened in memory, to tamper with as an adversary would, and written back. */
final class Bundles {

    final Map<String, byte[]> files = new LinkedHashMap<>();

    static Bundles read(Path zip) throws IOException {
        Bundles b = new Bundles();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                b.files.put(e.getName(), in.readAllBytes());
            }
        }
        return b;
    }

    /** The entry whose path inside the bag (after the top directory) is {@code path}. */
    String name(String path) {
        return files.keySet().stream().filter(n -> n.endsWith("/" + path)).findFirst().orElseThrow();
    }

    List<String> lines(String path) {
        return new ArrayList<>(new String(files.get(name(path)), StandardCharsets.UTF_8).lines().toList());
    }

    void lines(String path, List<String> lines) {
        files.put(name(path), (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    String text(String path) {
        return new String(files.get(name(path)), StandardCharsets.UTF_8);
    }

    void text(String path, String text) {
        files.put(name(path), text.getBytes(StandardCharsets.UTF_8));
    }

    /** Recomputes both manifests, as a careful forger would, so only the content checks can catch the change. */
    Bundles rebag() throws Exception {
        StringBuilder manifest = new StringBuilder();
        long bytes = 0;
        long count = 0;
        for (var e : files.entrySet()) {
            String inBag = e.getKey().substring(e.getKey().indexOf('/') + 1);
            if (inBag.startsWith("data/")) {
                manifest.append(sha(e.getValue())).append("  ").append(inBag).append('\n');
                bytes += e.getValue().length;
                count++;
            }
        }
        text("manifest-sha256.txt", manifest.toString());
        text("bag-info.txt", text("bag-info.txt").replaceAll("Payload-Oxum: .*", "Payload-Oxum: " + bytes + "." + count));
        StringBuilder tags = new StringBuilder();
        for (String tag : List.of("bagit.txt", "bag-info.txt", "manifest-sha256.txt")) {
            tags.append(sha(files.get(name(tag)))).append("  ").append(tag).append('\n');
        }
        text("tagmanifest-sha256.txt", tags.toString());
        return this;
    }

    Path write(Path zip) throws IOException {
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            for (var e : files.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return zip;
    }

    static byte[] bytes(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }

    private static String sha(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
