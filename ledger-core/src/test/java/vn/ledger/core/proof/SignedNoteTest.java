package vn.ledger.core.proof;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Signed notes against the published vectors of Go's golang.org/x/mod/sumdb/note (note_test.go: TestSign, TestOpen,
 * TestNewVerifier), so that tlog tools written against that package read our checkpoints.
 */
@DisplayName("C2SP signed notes and checkpoints")
class SignedNoteTest {

    static final String PETER_SIGNER = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    static final String PETER_VERIFIER = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    static final String ENOCH_VERIFIER = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";
    static final String TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    static final String PETER_SIG = "— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
    static final String ENOCH_SIG = "— EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n";

    @Nested
    class Go_vectors {

        @Test
        void signing_the_text_with_Peters_key_gives_Gos_note_byte_for_byte() {
            NoteSigner signer = NoteSigner.parse(PETER_SIGNER);

            SignedNote note = signer.sign(TEXT);

            assertThat(note.format()).isEqualTo(TEXT + "\n" + PETER_SIG);
            assertThat(signer.signerKey()).isEqualTo(PETER_SIGNER);
        }

        @Test
        void the_signer_derives_Peters_published_verifier_key() {
            assertThat(NoteSigner.parse(PETER_SIGNER).verifier().verifierKey()).isEqualTo(PETER_VERIFIER);
        }

        @Test
        void Peters_verifier_key_reads_back_with_its_name_and_key_id() {
            NoteVerifier verifier = NoteVerifier.parse(PETER_VERIFIER);

            assertThat(verifier.name()).isEqualTo("PeterNeumann");
            assertThat(verifier.keyId()).isEqualTo(0xc74f20a3);
            assertThat(verifier.verifierKey()).isEqualTo(PETER_VERIFIER);
        }

        @Test
        void a_note_with_Peters_and_Enochs_signatures_verifies_for_each_key_and_names_both() {
            SignedNote note = SignedNote.parse(TEXT + "\n" + PETER_SIG + ENOCH_SIG);

            assertThat(note.text()).isEqualTo(TEXT);
            assertThat(note.signatures()).extracting(SignedNote.Signature::name, SignedNote.Signature::keyId)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("PeterNeumann", 0xc74f20a3),
                            org.assertj.core.groups.Tuple.tuple("EnochRoot", 0xaf0cfe78));
            assertThat(NoteVerifier.parse(PETER_VERIFIER).verifies(note)).isTrue();
            assertThat(NoteVerifier.parse(ENOCH_VERIFIER).verifies(note)).isTrue();
            assertThat(note.format()).isEqualTo(TEXT + "\n" + PETER_SIG + ENOCH_SIG);
        }

        @Test
        void a_changed_text_or_signature_does_not_verify() {
            NoteVerifier peter = NoteVerifier.parse(PETER_VERIFIER);
            String changedText = (TEXT + "\n" + PETER_SIG).replace("cryptography", "cryptographY");
            String changedSig = TEXT + "\n" + PETER_SIG.substring(0, 60) + "ABCD" + PETER_SIG.substring(60);

            assertThat(peter.verifies(SignedNote.parse(changedText))).isFalse();
            assertThat(peter.verifies(SignedNote.parse(changedSig))).isFalse();
            assertThat(NoteVerifier.parse(ENOCH_VERIFIER).verifies(SignedNote.parse(TEXT + "\n" + PETER_SIG)))
                    .isFalse();
        }

        @Test
        void Gos_malformed_notes_are_refused() {
            List<String> bad = List.of(TEXT, TEXT + "\n", TEXT + "\n" + PETER_SIG.substring(0, PETER_SIG.length() - 1),
                    "\u0001" + TEXT + "\n" + PETER_SIG,
                    TEXT + "\n" + "— Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=",
                    TEXT + "\n" + PETER_SIG + "Unexpected line.\n",
                    TEXT + "\n" + PETER_SIG.repeat(101));
            for (String note : bad) {
                assertThatThrownBy(() -> SignedNote.parse(note)).as(note)
                        .isInstanceOf(SignedNote.MalformedNoteException.class);
            }
        }

        @Test
        void Gos_mangled_verifier_keys_are_refused() {
            List<String> bad = List.of(
                    "PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==",
                    "PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
                    PETER_VERIFIER.substring(1), PETER_VERIFIER.substring(0, PETER_VERIFIER.length() - 1),
                    PETER_VERIFIER.replace("c74f20a3", "c74f20a4"), PETER_VERIFIER.replace("Peter", "Petra"));
            for (String key : bad) {
                assertThatThrownBy(() -> NoteVerifier.parse(key)).as(key).isInstanceOf(IllegalArgumentException.class);
            }
            assertThatThrownBy(() -> NoteSigner.parse(PETER_SIGNER.replace("c74f20a3", "c74f20a4")))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Checkpoints {

        final byte[] root = Hashes.fromHex("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

        @Test
        void the_body_is_origin_size_and_base64_root_one_per_line() {
            Checkpoint checkpoint = new Checkpoint("ledger.example/log", 8, root);

            assertThat(checkpoint.text()).isEqualTo(
                    "ledger.example/log\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n");
            assertThat(Checkpoint.parse(checkpoint.text())).isEqualTo(checkpoint);
        }

        @Test
        void extension_lines_follow_the_root() {
            Checkpoint checkpoint = new Checkpoint("o", 8, root, List.of("time 1700000000"));

            assertThat(Checkpoint.parse(checkpoint.text()).extensions()).containsExactly("time 1700000000");
        }

        @Test
        void a_body_written_otherwise_is_refused() {
            for (String text : List.of("o\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=",
                    "o\n08\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n",
                    "o\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQ\n", "o\n8\n", "o\n-1\nAAAA\n",
                    "o\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n\n")) {
                assertThatThrownBy(() -> Checkpoint.parse(text)).as(text).isInstanceOf(IllegalArgumentException.class);
            }
        }

        @Test
        void a_checkpoint_signed_by_a_generated_key_verifies_with_its_key_only() {
            NoteSigner ours = NoteSigner.generate("ledger.example/log");
            NoteSigner other = NoteSigner.generate("ledger.example/log");
            String note = ours.sign(new Checkpoint("ledger.example/log", 8, root).text()).format();

            SignedNote read = SignedNote.parse(note);

            assertThat(ours.verifier().verifies(read)).isTrue();
            assertThat(NoteVerifier.parse(ours.verifier().verifierKey()).verifies(read)).isTrue();
            assertThat(other.verifier().verifies(read)).isFalse();
            assertThat(NoteSigner.parse(ours.signerKey()).verifier().verifierKey())
                    .isEqualTo(ours.verifier().verifierKey());
            assertThat(Checkpoint.parse(read.text()).size()).isEqualTo(8);
        }
    }
}
