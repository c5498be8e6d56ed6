package vn.ledger.bench.export;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import vn.ledger.bench.Machine;
import vn.ledger.bench.TempDirs;
import vn.ledger.bench.cascade.CascadeLoader;
import vn.ledger.bench.cascade.NationalCascade;
import vn.ledger.eventstore.CanonicalJson;
import vn.ledger.eventstore.EmbeddedMongo;
import vn.ledger.eventstore.MongoEventStorageEngine;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Archival export of the national cascade against a raw read of the same events, in one run. This JVM generates the
 * cascade ({@code bench.scale}: 1.0 national, about a million events) and loads it into an embedded server on a
 * scratch H2 file; then a second JVM with {@code -Xmx}{@code bench.exportHeap} (256m) opens that file itself and runs
 * {@link ExportRun}: the raw read, the whole cascade's export to a bundle, the raw read again, and the offline
 * verification of the bundle, printing rates, ratios, the export's peak heap and the bundle's size. The data
 * directory is deleted at the end.
 *
 * <pre>
 * mvn -q -B -pl ledger-bench -am package -DskipTests &amp;&amp; mvn -q -B -pl ledger-bench exec:exec \
 *     -Dbench.main=vn.ledger.bench.export.ExportBenchmark -Dbench.scale=0.1 -Dbench.heap=6g
 * </pre>
 */
public final class ExportBenchmark {

    private ExportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        double scale = Double.parseDouble(System.getProperty("bench.scale", "0.1"));
        long seed = Long.getLong("bench.seed", 22);
        String exportHeap = System.getProperty("bench.exportHeap", "256m");
        int writers = 4;
        NationalCascade cascade = NationalCascade.generate(scale, seed, Integer.getInteger("bench.unitTasks", 4));
        String root = cascade.centralDirectiveId();
        System.out.printf(Locale.ROOT, "national cascade at scale %.3f: %,d events in %,d commits; %s%n", scale,
                cascade.eventCount(), cascade.commits().size(), Machine.loadAverage());
        Path dir = TempDirs.create("ledger-exportbench");
        try {
            int cacheMb = (int) Math.max(64, Runtime.getRuntime().maxMemory() / 4 / (1024 * 1024));
            try (EmbeddedMongo server = EmbeddedMongo.scratchFile(dir, cacheMb);
                 MongoClient client = MongoClients.create(server.connectionString())) {
                MongoDatabase db = client.getDatabase(ExportRun.DATABASE);
                MongoEventStorageEngine engine = MongoEventStorageEngine.builder().database(db)
                        .eventSerializer(CanonicalJson.serializer())
                        .snapshotSerializer(CanonicalJson.snapshotSerializer()).build();
                engine.ensureIndexes();
                CascadeLoader.Result load = CascadeLoader.load(engine, cascade, writers, seed);
                System.out.printf(Locale.ROOT, "loaded %,d events in %.1f s (%,.0f events/s) on a scratch H2 file%n",
                        load.events(), load.seconds(), load.rate());
            }
            cascade.dropCommits();
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Xmx" + exportHeap, "-XX:+UseG1GC", "-Dfile.encoding=UTF-8"));
            for (String extra : System.getProperty("bench.exportJvmArgs", "").trim().split("\\s+")) {
                if (!extra.isEmpty()) {
                    command.add(extra);
                }
            }
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), ExportRun.class.getName(),
                    dir.toString(), root));
            System.out.println("export JVM: java -Xmx" + exportHeap + " ... " + ExportRun.class.getSimpleName());
            Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                out.lines().forEach(System.out::println);
            }
            int code = child.waitFor();
            if (code != 0) {
                System.out.println("export JVM exited with " + code);
            }
        } finally {
            TempDirs.delete(dir);
        }
    }
}
