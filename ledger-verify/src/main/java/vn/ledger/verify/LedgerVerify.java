package vn.ledger.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.ledger.core.proof.Checkpoint;
import vn.ledger.core.proof.Hashes;
import vn.ledger.core.proof.MerkleTree;
import vn.ledger.core.proof.NoteVerifier;
import vn.ledger.core.proof.SignedNote;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The offline verifier: {@code bundle} checks an archival bundle, {@code consistency} whether one checkpoint
 * extends another. Exit code 0 when everything holds, 1 when a problem is found, 2 on a usage error.
 */
@Command(name = "ledger-verify", mixinStandardHelpOptions = true, version = "ledger-verify 0.1",
        description = "Checks Directive Ledger bundles and checkpoints offline, with only the log's public key.",
        subcommands = {LedgerVerify.Bundle.class, LedgerVerify.Consistency.class})
public final class LedgerVerify implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given output; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new LedgerVerify());
        cli.setOut(out);
        cli.setErr(err);
        return cli.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A verifier key given as itself ({@code name+keyid+base64}) or as a file holding it. */
    static NoteVerifier key(String key) throws Exception {
        Path file = Path.of(key);
        String text = Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8).trim() : key.trim();
        return NoteVerifier.parse(text);
    }

    @Command(name = "bundle", mixinStandardHelpOptions = true,
            description = "Verifies an export bundle (.zip, or the unpacked bag directory).")
    static final class Bundle implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", description = "the bundle: a zipped bag or its directory")
        Path bundle;

        @Option(names = {"-k", "--key"}, required = true,
                description = "the log's verifier key (name+keyid+base64), or a file holding it")
        String key;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            BundleVerifier.Report report = BundleVerifier.verify(bundle, LedgerVerify.key(key));
            for (Problem p : report.problems()) {
                out.println(p);
            }
            Checkpoint cp = report.checkpoint();
            out.printf("%s: %,d commits, %,d events, %,d aggregates checked against checkpoint %s%n", bundle,
                    report.commits(), report.events(), report.aggregates(),
                    cp == null ? "(none)" : cp.origin() + " size " + cp.size());
            out.println(report.ok() ? "OK: the bundle is intact and every commit is in the signed log"
                    : "FAILED: " + report.problems().size() + " problem(s)");
            return report.ok() ? 0 : 1;
        }
    }

    @Command(name = "consistency", mixinStandardHelpOptions = true,
            description = "Says whether the newer checkpoint's tree extends the older one's (the log only grew).")
    static final class Consistency implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = {"-k", "--key"}, required = true, description = "the log's verifier key, or a file with it")
        String key;

        @Option(names = "--old", required = true, description = "the earlier signed checkpoint (file)")
        Path older;

        @Option(names = "--new", required = true, description = "the later signed checkpoint (file)")
        Path newer;

        @Option(names = "--proof", required = true, description = "the consistency proof: one hash a line "
                + "(base64 or hex), or JSON with an array of them")
        Path proof;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            NoteVerifier verifier = LedgerVerify.key(key);
            Checkpoint first = signed(older, verifier, out);
            Checkpoint second = signed(newer, verifier, out);
            if (first == null || second == null) {
                return 1;
            }
            List<byte[]> hashes = hashes(Files.readString(proof, StandardCharsets.UTF_8));
            boolean ok = first.origin().equals(second.origin()) && MerkleTree.verifyConsistency(first.size(),
                    second.size(), hashes, first.rootHash(), second.rootHash());
            out.println(ok ? "OK: the checkpoint of size " + second.size() + " extends the one of size " + first.size()
                    : "FAILED: the checkpoint of size " + second.size() + " does not extend the one of size "
                    + first.size() + (first.origin().equals(second.origin()) ? "" : " (different origins)"));
            return ok ? 0 : 1;
        }

        private static Checkpoint signed(Path file, NoteVerifier verifier, PrintWriter out) throws Exception {
            SignedNote note = SignedNote.parse(Files.readString(file, StandardCharsets.UTF_8));
            if (!verifier.verifies(note)) {
                out.println(file + ": WRONG_KEY: not signed by " + verifier.name());
                return null;
            }
            return Checkpoint.parse(note.text());
        }

        static List<byte[]> hashes(String text) throws Exception {
            List<String> items = new ArrayList<>();
            String trimmed = text.trim();
            if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
                collect(new ObjectMapper().readTree(trimmed), items);
            } else {
                trimmed.lines().map(String::trim).filter(l -> !l.isEmpty()).forEach(items::add);
            }
            List<byte[]> out = new ArrayList<>();
            for (String item : items) {
                out.add(item.matches("[0-9a-fA-F]{64}") ? Hashes.fromHex(item) : Base64.getDecoder().decode(item));
            }
            return out;
        }

        private static void collect(JsonNode node, List<String> into) {
            if (node.isArray()) {
                node.forEach(n -> {
                    if (n.isTextual()) {
                        into.add(n.asText());
                    }
                });
                return;
            }
            for (JsonNode child : node) {
                if (child.isArray()) {
                    collect(child, into);
                    return;
                }
            }
        }
    }
}
