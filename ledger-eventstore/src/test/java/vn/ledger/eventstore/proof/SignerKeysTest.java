package vn.ledger.eventstore.proof;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.ledger.core.proof.NoteSigner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("The checkpoint signing key")
class SignerKeysTest {

    @Test
    void on_first_start_a_key_is_made_into_the_file_and_read_back_on_the_next(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("data/checkpoint-signer.key");

        NoteSigner made = SignerKeys.inFile(file, "ledger.test/log");
        NoteSigner again = SignerKeys.inFile(file, "ledger.test/log");

        assertThat(again.verifier().verifierKey()).isEqualTo(made.verifier().verifierKey());
        assertThat(Files.readAllLines(file)).containsExactly(made.signerKey(), made.verifier().verifierKey());
        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void a_key_named_otherwise_than_the_origin_is_refused(@TempDir Path dir) {
        String key = NoteSigner.generate("other.log").signerKey();

        assertThatThrownBy(() -> SignerKeys.configured(key, "ledger.test/log"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("origin");
        assertThat(SignerKeys.configured(key, "other.log").name()).isEqualTo("other.log");
    }
}
