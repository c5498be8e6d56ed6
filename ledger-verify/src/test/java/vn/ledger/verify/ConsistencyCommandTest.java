package vn.ledger.verify;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.ledger.core.proof.Checkpoint;
import vn.ledger.core.proof.Hashes;
import vn.ledger.core.proof.InMemoryTree;
import vn.ledger.core.proof.NoteSigner;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ledger-verify consistency}: whether a later checkpoint extends an earlier one, from files only. */
class ConsistencyCommandTest {

    private static final String ORIGIN = "test.ledger.local/log";
    private final NoteSigner log = NoteSigner.generate("test.ledger.local-log");

    @TempDir
    Path dir;

    @Test
    void aCheckpointOfTheGrownLogExtendsTheEarlierOne() throws Exception {
        InMemoryTree tree = tree(10);
        Path older = checkpoint("old", 4, tree.root(4));
        Path newer = checkpoint("new", 10, tree.root(10));
        Path proof = proof("proof", tree.consistencyProof(4, 10));

        StringWriter out = new StringWriter();
        int code = run(out, "consistency", "--key", key(), "--old", older.toString(), "--new", newer.toString(),
                "--proof", proof.toString());

        assertThat(code).as(out.toString()).isZero();
        assertThat(out.toString()).contains("OK: the checkpoint of size 10 extends the one of size 4");
    }

    @Test
    void aRewrittenHistoryDoesNotExtendIt() throws Exception {
        InMemoryTree honest = tree(10);
        InMemoryTree rewritten = tree(2);
        rewritten.append(Hashes.leaf("commit 2, rewritten".getBytes(StandardCharsets.UTF_8)));
        for (int i = 3; i < 10; i++) {
            rewritten.append(Hashes.leaf(("commit " + i).getBytes(StandardCharsets.UTF_8)));
        }
        Path older = checkpoint("old", 4, honest.root(4));
        Path newer = checkpoint("new", 10, rewritten.root(10));
        Path proof = proof("proof", rewritten.consistencyProof(4, 10));

        StringWriter out = new StringWriter();
        int code = run(out, "consistency", "--key", key(), "--old", older.toString(), "--new", newer.toString(),
                "--proof", proof.toString());

        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).contains("FAILED: the checkpoint of size 10 does not extend the one of size 4");
    }

    @Test
    void aCheckpointSignedByAnotherKeyIsNotTaken() throws Exception {
        InMemoryTree tree = tree(10);
        Path older = checkpoint("old", 4, tree.root(4));
        Path forged = dir.resolve("forged");
        Files.writeString(forged, NoteSigner.generate("test.ledger.local-log")
                .sign(new Checkpoint(ORIGIN, 10, tree.root(10)).text()).format());

        StringWriter out = new StringWriter();
        int code = run(out, "consistency", "--key", key(), "--old", older.toString(), "--new", forged.toString(),
                "--proof", proof("proof", tree.consistencyProof(4, 10)).toString());

        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).contains("WRONG_KEY");
    }

    private static InMemoryTree tree(int leaves) {
        List<byte[]> hashes = new ArrayList<>();
        for (int i = 0; i < leaves; i++) {
            hashes.add(Hashes.leaf(("commit " + i).getBytes(StandardCharsets.UTF_8)));
        }
        return InMemoryTree.ofLeafHashes(hashes);
    }

    private Path checkpoint(String name, long size, byte[] root) throws Exception {
        return Files.writeString(dir.resolve(name), log.sign(new Checkpoint(ORIGIN, size, root).text()).format());
    }

    private Path proof(String name, List<byte[]> hashes) throws Exception {
        StringBuilder lines = new StringBuilder();
        hashes.forEach(h -> lines.append(Base64.getEncoder().encodeToString(h)).append('\n'));
        return Files.writeString(dir.resolve(name), lines.toString());
    }

    private String key() throws Exception {
        return Files.writeString(dir.resolve("log.pub"), log.verifier().verifierKey()).toString();
    }

    private static int run(StringWriter out, String... args) {
        return LedgerVerify.run(args, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
    }
}
