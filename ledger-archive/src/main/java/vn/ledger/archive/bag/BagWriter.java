package vn.ledger.archive.bag;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes one BagIt bag (RFC 8493, version 1.0) as a zip, streaming: each payload file is digested while it is
 * written, so nothing is held in memory but the manifest lines. All files sit under one top directory named after
 * the bag, as zipped bags conventionally do. Payload files first, one at a time; {@link #finish} then writes
 * {@code bagit.txt}, {@code bag-info.txt}, {@code manifest-sha256.txt} and {@code tagmanifest-sha256.txt}.
 * One thread at a time writes it (an {@link OrderedBag} hands it from the export's thread to its own).
 */
public final class BagWriter implements Payloads, AutoCloseable {

    private final ZipOutputStream zip;
    private final String root;
    private final List<String> manifest = new ArrayList<>();
    private final List<String> tagManifest = new ArrayList<>();
    private long payloadBytes;
    private long payloadFiles;
    private boolean entryOpen;

    public BagWriter(OutputStream out, String bagName) {
        this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        this.zip.setLevel(1); // JSON Lines compress well even at the fastest level, which costs a fraction of 6
        this.root = bagName + "/";
    }

    @Override
    public OutputStream payload(String path) throws IOException {
        return open("data/" + path, manifest, true, null);
    }

    /** Renders the file here and stores it uncompressed: its own streams are compressed already. */
    @Override
    public void stored(String path, Render render) throws IOException {
        byte[] content = render.bytes();
        CRC32 crc = new CRC32();
        crc.update(content);
        ZipEntry entry = new ZipEntry(root + "data/" + path);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(content.length);
        entry.setCompressedSize(content.length);
        entry.setCrc(crc.getValue());
        try (OutputStream out = open("data/" + path, manifest, true, entry)) {
            out.write(content);
        }
    }

    /** Writes the tag files; {@code bagInfo} in its order, after the Payload-Oxum this writer computed. */
    public void finish(Map<String, String> bagInfo) throws IOException {
        tag("bagit.txt", "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n");
        StringBuilder info = new StringBuilder();
        for (Map.Entry<String, String> e : bagInfo.entrySet()) {
            info.append(e.getKey()).append(": ").append(oneLine(e.getValue())).append('\n');
        }
        info.append("Payload-Oxum: ").append(payloadBytes).append('.').append(payloadFiles).append('\n');
        tag("bag-info.txt", info.toString());
        tag("manifest-sha256.txt", String.join("", manifest));
        StringBuilder tags = new StringBuilder(String.join("", tagManifest));
        try (OutputStream out = open("tagmanifest-sha256.txt", null, false, null)) {
            out.write(tags.toString().getBytes(StandardCharsets.UTF_8));
        }
        zip.finish();
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    private void tag(String name, String content) throws IOException {
        try (OutputStream out = open(name, tagManifest, false, null)) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String oneLine(String value) {
        return value.replace("\r", " ").replace("\n", " ");
    }

    private OutputStream open(String path, List<String> into, boolean payload, ZipEntry stored) throws IOException {
        if (entryOpen) {
            throw new IllegalStateException("close the previous file of the bag before opening " + path);
        }
        zip.putNextEntry(stored != null ? stored : new ZipEntry(root + path));
        entryOpen = true;
        MessageDigest digest = sha256();
        return new FilterOutputStream(zip) {
            private long bytes;
            private boolean closed;

            @Override
            public void write(int b) throws IOException {
                zip.write(b);
                digest.update((byte) b);
                bytes++;
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                zip.write(b, off, len);
                digest.update(b, off, len);
                bytes += len;
            }

            @Override
            public void close() throws IOException {
                if (closed) {
                    return;
                }
                closed = true;
                zip.closeEntry();
                entryOpen = false;
                if (into != null) {
                    into.add(HexFormat.of().formatHex(digest.digest()) + "  " + path + "\n");
                }
                if (payload) {
                    payloadBytes += bytes;
                    payloadFiles++;
                }
            }
        };
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
