package vn.ledger.eventstore.proof;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.ledger.core.proof.NoteSigner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The checkpoint signing key: given in configuration, or kept in a file, which is made with a new key on first start
 * (owner-only permissions where the file system has them). The file holds the signer key in Go's note form
 * ({@code PRIVATE+KEY+…}) on its first line, and the public verifier key on its second, for the operator.
 */
public final class SignerKeys {

    private static final Logger log = LoggerFactory.getLogger(SignerKeys.class);

    private SignerKeys() {
    }

    /** The key written in configuration; its name must be the log's origin. */
    public static NoteSigner configured(String signerKey, String origin) {
        NoteSigner signer = NoteSigner.parse(signerKey.trim());
        requireOrigin(signer, origin, "the configured signer key");
        return signer;
    }

    /** The key of the file, made now (and said in the log) when there is none. */
    public static NoteSigner inFile(Path file, String origin) {
        try {
            if (!Files.exists(file)) {
                NoteSigner made = NoteSigner.generate(origin);
                Files.createDirectories(file.toAbsolutePath().getParent());
                String text = made.signerKey() + "\n" + made.verifier().verifierKey() + "\n";
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } catch (UnsupportedOperationException noPosix) {
                    Files.createFile(file);
                } catch (FileAlreadyExistsException raced) {
                    return inFile(file, origin);
                }
                Files.writeString(file, text, StandardCharsets.US_ASCII);
                log.warn("no checkpoint signing key was configured: generated a new Ed25519 key into {}; "
                        + "its verifier key (publish it) is {}", file, made.verifier().verifierKey());
                return made;
            }
            String first = Files.readAllLines(file, StandardCharsets.US_ASCII).stream().findFirst().orElse("");
            NoteSigner signer = NoteSigner.parse(first.trim());
            requireOrigin(signer, origin, "the key in " + file);
            log.info("checkpoints are signed with the key in {}; verifier key {}", file, signer.verifier().verifierKey());
            return signer;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or make the checkpoint signing key " + file, e);
        }
    }

    /** A key only for this run (an in-memory store): said in the log, as its checkpoints die with the store. */
    public static NoteSigner ephemeral(String origin) {
        NoteSigner signer = NoteSigner.generate(origin);
        log.info("in-memory store: checkpoints are signed with a key made for this run; verifier key {}",
                signer.verifier().verifierKey());
        return signer;
    }

    private static void requireOrigin(NoteSigner signer, String origin, String what) {
        if (!signer.name().equals(origin)) {
            throw new IllegalStateException(what + " is named " + signer.name() + ", but the log's origin is "
                    + origin + ": a checkpoint's key is named after its origin");
        }
    }
}
