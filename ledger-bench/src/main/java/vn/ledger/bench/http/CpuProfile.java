package vn.ledger.bench.http;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Summarises the CPU samples of flight recordings (as {@code HttpThroughputBenchmark -Dbench.jfr=...} writes them)
 * by component: each sample ({@code jdk.ExecutionSample}, a thread running Java code) goes to the component of its
 * innermost frame that is not the JDK's own (a {@code HashMap.get} inside Spring Security is Spring Security's),
 * and separately to the group of the thread it ran on. Collections are given as their pause time.
 *
 * <pre>
 * java -cp ledger-bench/target/classes vn.ledger.bench.http.CpuProfile /tmp/base-c8-t1.jfr /tmp/base-c8-t2.jfr
 * </pre>
 */
public final class CpuProfile {

    /** Package prefixes to components, the more specific first. */
    private static final String[][] COMPONENTS = {
            {"org.apache.catalina.", "Tomcat"}, {"org.apache.coyote.", "Tomcat"}, {"org.apache.tomcat.", "Tomcat"},
            {"org.springframework.security.", "Spring Security"},
            {"org.springframework.web.", "Spring MVC"}, {"org.springframework.http.", "Spring MVC"},
            {"org.springframework.validation.", "Spring MVC"}, {"org.springframework.", "Spring (other)"},
            {"com.fasterxml.jackson.", "Jackson"},
            {"org.hibernate.validator.", "bean validation"}, {"jakarta.validation.", "bean validation"},
            {"vn.ledger.api.readside.", "projections (ours)"}, {"vn.ledger.api.rebuild.", "projections (ours)"},
            {"vn.ledger.projections.", "projections (ours)"},
            {"vn.ledger.api.", "API layer (ours: filters, controllers, input checks, idempotency)"},
            {"vn.ledger.core.", "domain (ours)"},
            {"vn.ledger.eventstore.", "event storage engine (ours)"},
            {"vn.ledger.bench.", "benchmark"},
            {"org.axonframework.eventsourcing.", "Axon: event sourcing (aggregate loading)"},
            {"org.axonframework.modelling.", "Axon: aggregates, repository"},
            {"org.axonframework.commandhandling.", "Axon: command bus, gateway"},
            {"org.axonframework.messaging.unitofwork.", "Axon: unit of work"},
            {"org.axonframework.eventhandling.", "Axon: event processors"},
            {"org.axonframework.serialization.", "Axon: serialization"},
            {"org.axonframework.", "Axon (other)"},
            {"de.bwaldvogel.mongo.", "embedded server (mongo-java-server)"},
            {"org.h2.", "H2 MVStore"},
            {"io.netty.", "netty (embedded server's wire)"},
            {"com.mongodb.", "MongoDB driver"}, {"org.bson.", "MongoDB driver (BSON)"},
            {"ch.qos.logback.", "logging"}, {"org.slf4j.", "logging"},
            {"java.net.http.", "JDK HTTP client"}, {"jdk.internal.net.http.", "JDK HTTP client"},
    };

    private CpuProfile() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, Long> byComponent = new HashMap<>(), byThread = new HashMap<>(), requestThreads = new HashMap<>();
        Map<String, Long> leafMethods = new HashMap<>();
        long samples = 0, gcs = 0;
        Duration pause = Duration.ZERO;
        double cpu = 0;
        int cpuEvents = 0;
        for (String file : args) {
            for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(file))) {
                switch (e.getEventType().getName()) {
                    case "jdk.ExecutionSample" -> {
                        samples++;
                        String thread = threadGroup(e.getThread("sampledThread") == null ? ""
                                : String.valueOf(e.getThread("sampledThread").getJavaName()));
                        String component = component(e.getStackTrace());
                        byComponent.merge(component, 1L, Long::sum);
                        byThread.merge(thread, 1L, Long::sum);
                        if (thread.startsWith("Tomcat request")) {
                            requestThreads.merge(component, 1L, Long::sum);
                        }
                        RecordedStackTrace stack = e.getStackTrace();
                        if (stack != null && !stack.getFrames().isEmpty()) {
                            RecordedFrame top = stack.getFrames().get(0);
                            leafMethods.merge(top.getMethod().getType().getName() + "." + top.getMethod().getName(),
                                    1L, Long::sum);
                        }
                    }
                    case "jdk.GarbageCollection" -> {
                        gcs++;
                        pause = pause.plus(e.getDuration("sumOfPauses"));
                    }
                    case "jdk.CPULoad" -> {
                        cpu += e.getFloat("jvmUser") + e.getFloat("jvmSystem");
                        cpuEvents++;
                    }
                    default -> {
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "%,d CPU samples in %d recording(s); JVM CPU load %.0f %% of the machine on "
                        + "average; %d collections, %.2f s of pauses%n", samples, args.length,
                cpuEvents == 0 ? 0 : 100 * cpu / cpuEvents, gcs, pause.toNanos() / 1e9);
        print("by component (innermost frame not the JDK's)", byComponent, samples, 0);
        print("by thread", byThread, samples, 0);
        print("request threads only, by component", requestThreads, samples, 0);
        print("hottest leaf methods", leafMethods, samples, 25);
    }

    private static void print(String title, Map<String, Long> counts, long samples, int limit) {
        System.out.println();
        System.out.println(title + ":");
        List<Map.Entry<String, Long>> rows = new ArrayList<>(counts.entrySet());
        rows.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        int n = 0;
        for (Map.Entry<String, Long> row : rows) {
            if (limit > 0 && n++ >= limit) {
                break;
            }
            System.out.printf(Locale.ROOT, "  %5.1f %%  %s%n", 100.0 * row.getValue() / Math.max(1, samples),
                    row.getKey());
        }
    }

    static String component(RecordedStackTrace stack) {
        if (stack == null) {
            return "(no stack)";
        }
        for (RecordedFrame frame : stack.getFrames()) {
            String type = frame.getMethod().getType().getName();
            for (String[] c : COMPONENTS) {
                if (type.startsWith(c[0])) {
                    return c[1];
                }
            }
        }
        return "JDK only";
    }

    static String threadGroup(String name) {
        if (name.startsWith("http-nio-") && name.contains("-exec-")) {
            return "Tomcat request threads";
        }
        if (name.startsWith("http-nio-")) {
            return "Tomcat acceptor/poller";
        }
        if (name.startsWith("client-") || name.startsWith("HttpClient-")) {
            return "benchmark's HTTP clients";
        }
        // digits (pool and thread numbers) are not part of the group
        return name.replaceAll("[0-9]+", "N");
    }
}
