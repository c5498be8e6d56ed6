package vn.ledger.core.proof;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;

/** What signer and verifier share: names, key ids, and raw Ed25519 keys as the JDK takes them. */
final class NoteKeys {

    /** The signed-note algorithm byte of Ed25519. */
    static final byte ALG_ED25519 = 0x01;
    static final int KEY_SIZE = 32;

    /** The DER prefix of an X.509 SubjectPublicKeyInfo of Ed25519 (RFC 8410), before the 32 key bytes. */
    private static final byte[] X509_PREFIX = Hashes.fromHex("302a300506032b6570032100");

    private NoteKeys() {
    }

    /** A key name: not empty, no white space, no '+'. */
    static boolean isValidName(String name) {
        if (name == null || name.isEmpty() || name.contains("+")) {
            return false;
        }
        return name.codePoints().noneMatch(Character::isWhitespace) && name.codePoints().noneMatch(Character::isSpaceChar);
    }

    /** First four bytes (big-endian) of SHA-256(name ‖ 0x0A ‖ algorithm ‖ public key). */
    static int keyId(String name, byte[] publicKey) {
        var digest = Hashes.sha256();
        digest.update(name.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
        digest.update(ALG_ED25519);
        digest.update(publicKey);
        return ByteBuffer.wrap(digest.digest()).getInt();
    }

    static PublicKey publicKey(byte[] raw) {
        try {
            byte[] der = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + KEY_SIZE);
            System.arraycopy(raw, 0, der, X509_PREFIX.length, KEY_SIZE);
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    static byte[] rawPublicKey(PublicKey key) {
        byte[] der = key.getEncoded();
        return Arrays.copyOfRange(der, der.length - KEY_SIZE, der.length);
    }

    static PrivateKey privateKey(byte[] seed) {
        try {
            return KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 private key", e);
        }
    }

    /**
     * The public key of a seed. The JDK has no call for it, but its key pair generator takes the 32 bytes of the
     * private key from the random source it is given and derives the public key (RFC 8032 §5.1.5): given the seed
     * as that source, it derives this seed's public key.
     */
    static byte[] publicKeyOfSeed(byte[] seed) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new FixedBytes(seed));
            KeyPair pair = generator.generateKeyPair();
            return rawPublicKey(pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK 15+ has Ed25519", e);
        }
    }

    /** A "random" source that gives the seed once, and refuses to be used again. */
    private static final class FixedBytes extends SecureRandom {
        private byte[] bytes;

        FixedBytes(byte[] bytes) {
            this.bytes = bytes.clone();
        }

        @Override
        public void nextBytes(byte[] out) {
            if (bytes == null || out.length != bytes.length) {
                throw new IllegalStateException("the key generator asked for other random bytes than a seed");
            }
            System.arraycopy(bytes, 0, out, 0, out.length);
            bytes = null;
        }
    }
}
