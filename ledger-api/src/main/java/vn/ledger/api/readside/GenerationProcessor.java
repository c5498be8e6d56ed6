package vn.ledger.api.readside;

import com.mongodb.client.MongoDatabase;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import vn.ledger.projections.store.MongoReadStore;

import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The tracking processor of one {@link Generation} and the projection instance it feeds, writing the generation's
 * collections through a {@link GenerationStore}; {@link #reader} reads them for the queries.
 *
 * <p>The projection is wrapped in a handler whose instance can be replaced: when a batch fails, the batch's
 * in-memory changes are discarded and a fresh projection (with empty caches) is made over the same collections
 * before the processor retries the batch from its last stored token. The projections are idempotent, so a batch
 * applied again, in part or in whole, changes nothing.
 */
final class GenerationProcessor implements Generation.Tracker {

    private final ReadModel model;
    private final String processorName;
    private final MongoReadStore reader;
    private final GenerationStore store;
    private volatile EventMessageHandler projection;
    private volatile boolean directRequested;
    private final AtomicLong events = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    /** position of the last event handled, ahead of the processor's stored position while a batch runs */
    private final AtomicLong handled = new AtomicLong(-1);
    private volatile String lastFailure;
    private TrackingEventProcessor processor;

    /** @param fresh the generation's collections were just created empty, and only this processor writes them */
    GenerationProcessor(Generation generation, MongoDatabase database, int writeBuffer, boolean fresh) {
        this.model = generation.model;
        this.processorName = generation.processorName;
        this.reader = new MongoReadStore(database, generation.prefix);
        // the documents are written before the token (see the token store): neither waits for the journal
        MongoDatabase unjournaled = database.withWriteConcern(database.getWriteConcern().withJournal(false));
        this.store = new GenerationStore(new MongoReadStore(unjournaled, generation.prefix), writeBuffer, fresh);
        this.projection = new AnnotationEventHandlerAdapter(model.newProjection(store));
    }

    MongoReadStore reader() {
        return reader;
    }

    /** The projection behind a stable handler, so that it can be replaced after a failed batch. */
    private final class Handler implements EventMessageHandler {
        @Override
        public Object handle(EventMessage<?> event) throws Exception {
            return projection.handle(event);
        }

        @Override
        public boolean canHandle(EventMessage<?> event) {
            return projection.canHandle(event);
        }

        @Override
        public boolean canHandleType(Class<?> payloadType) {
            return projection.canHandleType(payloadType);
        }

        @Override
        public Class<?> getTargetType() {
            return projection.getTargetType();
        }
    }

    void start(StreamableMessageSource<TrackedEventMessage<?>> source, TokenStore tokens, int batchSize) {
        TrackingEventProcessor p = TrackingEventProcessor.builder()
                .name(processorName)
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder()
                        .eventHandlers(new Handler())
                        // a failing handler fails the batch, which is retried; never skip an event
                        .listenerInvocationErrorHandler(PropagatingErrorHandler.instance())
                        .build())
                .messageSource(source)
                .tokenStore(tokens)
                .transactionManager(NoTransactionManager.INSTANCE)
                .errorHandler(PropagatingErrorHandler.instance())
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andBatchSize(batchSize)
                        .andInitialTrackingToken(StreamableMessageSource::createTailToken)
                        .andTokenClaimInterval(1, TimeUnit.SECONDS)
                        // a stop waits for the batch in hand (a catching-up batch ends with a flush)
                        .andWorkerTerminationTimeout(15, TimeUnit.SECONDS))
                .build();
        p.registerHandlerInterceptor((unitOfWork, chain) -> {
            BatchingUnitOfWork<?> batch = unitOfWork instanceof BatchingUnitOfWork<?> b ? b : null;
            if (batch == null || batch.isFirstMessage()) {
                if (directRequested && store.buffered()) {
                    store.goDirect();
                }
                unitOfWork.onRollback(u -> afterFailedBatch(u.getExecutionResult() == null ? null
                        : u.getExecutionResult().getExceptionResult()));
            }
            Object result = chain.proceed();
            events.incrementAndGet();
            if (unitOfWork.getMessage() instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null) {
                tracked.trackingToken().position().ifPresent(at -> handled.accumulateAndGet(at, Math::max));
            }
            if (batch == null || batch.isLastMessage()) {
                store.flush(); // before the processor stores the batch's token
            }
            return result;
        });
        this.processor = p;
        p.start();
    }

    private void afterFailedBatch(Throwable cause) {
        failures.incrementAndGet();
        lastFailure = cause == null ? "batch rolled back" : cause.toString();
        store.discard();
        projection = new AnnotationEventHandlerAdapter(model.newProjection(store));
    }

    /** Asks the processor to flush through the journal, with the live cache, from its next batch on. */
    void requestDirect() {
        directRequested = true;
    }

    CompletableFuture<Void> stop() {
        TrackingEventProcessor p = processor;
        return p == null ? CompletableFuture.completedFuture(null) : p.shutdownAsync();
    }

    private EventTrackerStatus status() {
        TrackingEventProcessor p = processor;
        return p == null ? null : p.processingStatus().get(0);
    }

    @Override
    public long position() {
        EventTrackerStatus s = status();
        if (s == null) {
            return -1;
        }
        OptionalLong p = s.getCurrentPosition();
        return p.isPresent() ? p.getAsLong() : -1;
    }

    @Override
    public long progressPosition() {
        return Math.max(position(), handled.get());
    }

    @Override
    public boolean caughtUp() {
        EventTrackerStatus s = status();
        return s != null && s.isCaughtUp();
    }

    @Override
    public String error() {
        EventTrackerStatus s = status();
        if (s != null && s.isErrorState()) {
            return s.getError() == null ? "error" : s.getError().toString();
        }
        return null;
    }

    @Override
    public long events() {
        return events.get();
    }

    @Override
    public long failures() {
        return failures.get();
    }

    @Override
    public String lastFailure() {
        return lastFailure;
    }

    @Override
    public boolean buffered() {
        return store.buffered() && !directRequested;
    }
}
