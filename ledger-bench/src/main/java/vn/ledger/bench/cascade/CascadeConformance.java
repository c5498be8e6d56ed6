package vn.ledger.bench.cascade;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import vn.ledger.core.body.Body;
import vn.ledger.core.body.BodyRegistered;
import vn.ledger.core.body.RegisterBody;
import vn.ledger.core.directive.AcknowledgeReceipt;
import vn.ledger.core.directive.Directive;
import vn.ledger.core.directive.DirectiveIssued;
import vn.ledger.core.directive.DirectiveReceived;
import vn.ledger.core.directive.IssueDirective;
import vn.ledger.core.shared.BodyDirectory;
import vn.ledger.core.shared.DirectiveCatalog;
import vn.ledger.core.shared.DirectiveStatus;
import vn.ledger.core.shared.TaskSpec;
import vn.ledger.core.task.AcceptCompletion;
import vn.ledger.core.task.AcknowledgeTask;
import vn.ledger.core.task.CompleteTask;
import vn.ledger.core.task.CompletionAccepted;
import vn.ledger.core.task.CompletionRejected;
import vn.ledger.core.task.DelegateTask;
import vn.ledger.core.task.ExtensionGranted;
import vn.ledger.core.task.ExtensionRefused;
import vn.ledger.core.task.ExtensionRequested;
import vn.ledger.core.task.GrantExtension;
import vn.ledger.core.task.ProgressReported;
import vn.ledger.core.task.RefuseExtension;
import vn.ledger.core.task.RejectCompletion;
import vn.ledger.core.task.ReportProgress;
import vn.ledger.core.task.RequestExtension;
import vn.ledger.core.task.Task;
import vn.ledger.core.task.TaskAcknowledged;
import vn.ledger.core.task.TaskAssigned;
import vn.ledger.core.task.TaskCompleted;
import vn.ledger.core.task.TaskDelegated;
import vn.ledger.core.task.TaskUrged;
import vn.ledger.core.task.UrgeTask;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import vn.ledger.eventstore.CanonicalJson;

import java.time.Duration;
import vn.ledger.eventstore.CommitTrackingEventStore;
import vn.ledger.eventstore.EmbeddedMongo;
import vn.ledger.eventstore.MongoEventStorageEngine;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Proof that the generator writes what the aggregates write: a small cascade (by default one commune per
 * province, about 12,000 events) is turned back into the commands that cause it, which go through Axon's command
 * gateway to the real Body, Directive and Task aggregates, with Axon's clock set to each commit's instant. The
 * events the aggregates append are then compared with the generated ones: same commits, and in each the same
 * aggregate type, id, sequence number, timestamp and payload (record equality). Run it with
 * {@code -Dbench.main=vn.ledger.bench.cascade.CascadeConformance -Dbench.scale=0.01}.
 */
public final class CascadeConformance {

    private CascadeConformance() {
    }

    public static void main(String[] args) {
        double scale = Double.parseDouble(System.getProperty("bench.scale", "0.01"));
        long seed = Long.getLong("bench.seed", 22);
        int unitTasks = Integer.getInteger("bench.unitTasks", 4);
        if (scale > 0.05) {
            scale = 0.01;
            System.out.println("conformance: scale capped at 0.01 (every event goes through the command gateway)");
        }
        NationalCascade cascade = NationalCascade.generate(scale, seed, unitTasks);
        System.out.printf("conformance: %,d events in %,d commits (scale %.3f, seed %d) through the command gateway%n",
                cascade.eventCount(), cascade.commits().size(), scale, seed);
        int failures = run(cascade);
        if (failures > 0) {
            System.out.println("conformance: FAILED, " + failures + " differences");
            System.exit(1);
        }
        System.out.println("conformance: OK, the aggregates append exactly the generated events");
    }

    static int run(NationalCascade cascade) {
        Set<String> registered = ConcurrentHashMap.newKeySet();
        Set<String> issued = ConcurrentHashMap.newKeySet();
        BodyDirectory bodies = new BodyDirectory() {
            @Override
            public boolean exists(String code) {
                return registered.contains(code);
            }

            @Override
            public boolean isActive(String code) {
                return exists(code);
            }

            @Override
            public boolean isSameOrDescendant(String code, String ancestorCode) {
                for (String c = code; c != null; c = cascade.body(c) == null ? null : cascade.body(c).parent) {
                    if (c.equals(ancestorCode)) {
                        return true;
                    }
                }
                return false;
            }
        };
        DirectiveCatalog catalog = new DirectiveCatalog() {
            @Override
            public Optional<String> resolveSymbol(String symbolAsWritten) {
                return Optional.empty(); // the generated citations carry their ids
            }

            @Override
            public DirectiveStatus statusOf(String directiveId) {
                return issued.contains(directiveId) ? DirectiveStatus.ACTIVE : DirectiveStatus.UNKNOWN;
            }
        };
        Clock original = GenericEventMessage.clock;
        int failures = 0;
        try (EmbeddedMongo server = EmbeddedMongo.inMemory();
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoEventStorageEngine engine = MongoEventStorageEngine.builder()
                    .database(client.getDatabase("conformance"))
                    .eventSerializer(CanonicalJson.serializer())
                    .snapshotSerializer(CanonicalJson.snapshotSerializer())
                    .build();
            engine.ensureIndexes();
            Configuration axon = DefaultConfigurer.defaultConfiguration()
                    .configureSerializer(c -> CanonicalJson.serializer())
                    .configureEventSerializer(c -> CanonicalJson.serializer())
                    .configureMessageSerializer(c -> CanonicalJson.serializer())
                    // readers follow the engine each from their own token (one token per commit; see CommitTrackingEventStore)
                .configureEventStore(c -> CommitTrackingEventStore.build(
                        EmbeddedEventStore.builder().storageEngine(engine), Duration.ofSeconds(1)))
                    .registerComponent(BodyDirectory.class, c -> bodies)
                    .registerComponent(DirectiveCatalog.class, c -> catalog)
                    .configureAggregate(AggregateConfigurer.defaultConfiguration(Body.class))
                    .configureAggregate(AggregateConfigurer.defaultConfiguration(Directive.class))
                    .configureAggregate(AggregateConfigurer.defaultConfiguration(Task.class))
                    .buildConfiguration();
            axon.start();
            try {
                CommandGateway gateway = axon.commandGateway();
                long t0 = System.nanoTime();
                int n = 0;
                for (NationalCascade.Commit c : cascade.commits()) {
                    GenericEventMessage.clock = Clock.fixed(c.at, ZoneOffset.UTC);
                    Object command = command(c);
                    try {
                        gateway.sendAndWait(command);
                    } catch (RuntimeException e) {
                        System.out.printf("  refused: %s at %s: %s%n", command.getClass().getSimpleName(), c.at, e);
                        if (++failures > 20) {
                            return failures;
                        }
                    }
                    Object first = c.events.get(0).payload;
                    if (first instanceof BodyRegistered b) {
                        registered.add(b.code());
                    } else if (first instanceof DirectiveIssued d) {
                        issued.add(d.directiveId());
                    }
                    if (++n % 2_000 == 0) {
                        System.out.printf("  %,d / %,d commands (%,.0f/s)%n", n, cascade.commits().size(),
                                n / ((System.nanoTime() - t0) / 1e9));
                    }
                }
                failures += compare(cascade, engine);
            } finally {
                axon.shutdown();
            }
        } finally {
            GenericEventMessage.clock = original;
        }
        return failures;
    }

    /** The command whose unit of work appends this commit. */
    static Object command(NationalCascade.Commit c) {
        Object e = c.events.get(0).payload;
        if (e instanceof BodyRegistered b) {
            return new RegisterBody(b.code(), b.name(), b.parentCode(), b.level(), b.effectiveDate(), b.actor());
        }
        if (e instanceof DirectiveIssued d) {
            return new IssueDirective(d.directiveId(), d.symbol(), d.kind(), d.issuingBodyCode(), d.signer(),
                    d.issuedOn(), d.subject(), d.recipientsForAction(), d.recipientsForInformation(),
                    d.recipientsForReport(), d.orientations(), d.implementsDirectives(), d.tasks(), d.actor());
        }
        if (e instanceof DirectiveReceived r) {
            return new AcknowledgeReceipt(r.directiveId(), r.receivedOn(), r.actor());
        }
        if (e instanceof TaskAcknowledged a) {
            return new AcknowledgeTask(a.taskId(), a.actor());
        }
        if (e instanceof ProgressReported p) {
            return new ReportProgress(p.taskId(), p.text(), p.percent(), p.period(), p.reportedOn(), p.attachments(),
                    p.actor());
        }
        if (e instanceof TaskUrged u) {
            return new UrgeTask(u.taskId(), u.message(), u.actor());
        }
        if (e instanceof ExtensionRequested x) {
            return new RequestExtension(x.taskId(), x.requestedDeadline().wording(), x.reason(), x.actor());
        }
        if (e instanceof ExtensionGranted g) {
            return new GrantExtension(g.taskId(), g.requestId(), g.actor());
        }
        if (e instanceof ExtensionRefused f) {
            return new RefuseExtension(f.taskId(), f.requestId(), f.reason(), f.actor());
        }
        if (e instanceof TaskCompleted t) {
            return new CompleteTask(t.taskId(), t.productDescription(), t.evidence(), t.completedOn(), t.actor());
        }
        if (e instanceof CompletionAccepted a) {
            return new AcceptCompletion(a.taskId(), a.actor());
        }
        if (e instanceof CompletionRejected r) {
            return new RejectCompletion(r.taskId(), r.reason(), r.actor());
        }
        if (e instanceof TaskDelegated d) {
            TaskAssigned child = (TaskAssigned) c.events.get(1).payload;
            return new DelegateTask(d.taskId(), d.childTaskId(), new TaskSpec(child.code(), child.work(),
                    child.responsible(), child.leadBodies(), child.cooperatingBodies(),
                    child.deadline() == null ? null : child.deadline().wording(), child.product()), d.actor());
        }
        throw new IllegalArgumentException("no command for " + e.getClass().getName());
    }

    /** Every stored commit against the generated one, event by event. */
    private static int compare(NationalCascade cascade, MongoEventStorageEngine engine) {
        List<List<DomainEventMessage<?>>> stored = new ArrayList<>();
        long lastPosition = -1;
        try (Stream<? extends TrackedEventMessage<?>> s = engine.readEvents(null, false)) {
            java.util.Iterator<? extends TrackedEventMessage<?>> it = s.iterator();
            while (it.hasNext()) {
                TrackedEventMessage<?> m = it.next();
                long position = ((GapAwareTrackingToken) m.trackingToken()).getIndex();
                if (position != lastPosition) {
                    stored.add(new ArrayList<>());
                    lastPosition = position;
                }
                stored.get(stored.size() - 1).add((DomainEventMessage<?>) m);
            }
        }
        List<NationalCascade.Commit> expected = cascade.commits();
        int failures = 0;
        if (stored.size() != expected.size()) {
            System.out.printf("  commits: %,d stored, %,d generated%n", stored.size(), expected.size());
            failures++;
        }
        long events = 0;
        for (int i = 0; i < Math.min(stored.size(), expected.size()) && failures < 20; i++) {
            List<DomainEventMessage<?>> got = stored.get(i);
            NationalCascade.Commit want = expected.get(i);
            if (got.size() != want.events.size()) {
                System.out.printf("  commit %d: %d events stored, %d generated (%s)%n", i + 1, got.size(),
                        want.events.size(), want.events.get(0).payload.getClass().getSimpleName());
                failures++;
                continue;
            }
            for (int k = 0; k < got.size(); k++) {
                DomainEventMessage<?> g = got.get(k);
                NationalCascade.Ev w = want.events.get(k);
                String diff = null;
                if (!w.aggregateType.equals(g.getType())) {
                    diff = "type " + g.getType() + " vs " + w.aggregateType;
                } else if (!w.aggregateId.equals(g.getAggregateIdentifier())) {
                    diff = "aggregate " + g.getAggregateIdentifier() + " vs " + w.aggregateId;
                } else if (w.seq() != g.getSequenceNumber()) {
                    diff = "sequence " + g.getSequenceNumber() + " vs " + w.seq();
                } else if (!want.at.equals(g.getTimestamp())) {
                    diff = "timestamp " + g.getTimestamp() + " vs " + want.at;
                } else if (!w.payload.equals(g.getPayload())) {
                    diff = "payload\n    stored    " + g.getPayload() + "\n    generated " + w.payload;
                }
                if (diff != null) {
                    System.out.printf("  commit %d event %d (%s): %s%n", i + 1, k, w.aggregateId, diff);
                    failures++;
                }
                events++;
            }
        }
        System.out.printf("  compared %,d events in %,d commits%n", events, Math.min(stored.size(), expected.size()));
        return failures;
    }
}
