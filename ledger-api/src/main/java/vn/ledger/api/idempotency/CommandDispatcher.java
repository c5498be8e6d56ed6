package vn.ledger.api.idempotency;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.ledger.eventstore.MongoEventStorageEngine;

import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Sends commands through the Axon {@link CommandGateway} (with its retry scheduler), putting the request's
 * idempotency key ({@code username:key}) into the command's metadata under {@value #METADATA_KEY}; a
 * correlation data provider copies it onto every event of the command, and the event store refuses a second
 * commit under the same key.
 */
@Component
public class CommandDispatcher {

    public static final String METADATA_KEY = "idempotencyKey";
    private static final Logger log = LoggerFactory.getLogger(CommandDispatcher.class);

    private final CommandGateway gateway;
    private final MongoEventStorageEngine storage;

    public CommandDispatcher(CommandGateway gateway, MongoEventStorageEngine storage) {
        this.gateway = gateway;
        this.storage = storage;
    }

    /**
     * Sends with the current request's idempotency key, if any.
     *
     * @param aggregateId the aggregate the command is about, named in the answer when its events turn out to be
     *                    stored already
     */
    public <R> R send(Object command, String aggregateId) {
        String key = IdempotencyFilter.currentKey();
        if (key != null && IdempotencyFilter.currentKeyTakenOver()) {
            // an attempt under this key never finished: if it stored its events, answer from them; running the
            // command again could be refused by a rule its own events now break (a body code taken by itself)
            Optional<Long> stored = storage.commitOf(key);
            if (stored.isPresent()) {
                log.info("command {} under key {} was already stored at commit {} by an attempt that never "
                        + "finished; answering from the stored commit", command.getClass().getSimpleName(), key,
                        stored.get());
                throw alreadyRecorded(stored.get(), aggregateId);
            }
        }
        return send(command, aggregateId, key);
    }

    /**
     * For a request refused before dispatch because what it would create exists (a directive id, a task code):
     * when the current Idempotency-Key already has a stored commit, the thing exists because an earlier attempt of
     * this very request created it, and that attempt's answer is given (by throwing it); otherwise this returns and
     * the caller refuses. Checking before dispatch keeps a refused request from taking commit positions.
     */
    public void answerIfStoredUnderCurrentKey(String aggregateId) {
        String key = IdempotencyFilter.currentKey();
        if (key != null) {
            Optional<Long> stored = storage.commitOf(key);
            if (stored.isPresent()) {
                throw alreadyRecorded(stored.get(), aggregateId);
            }
        }
    }

    /** Sends with an explicit idempotency key (null for none). */
    public <R> R send(Object command, String aggregateId, String idempotencyKey) {
        CommandMessage<?> message = GenericCommandMessage.asCommandMessage(command);
        if (idempotencyKey != null) {
            message = message.andMetaData(Map.of(METADATA_KEY, idempotencyKey));
        }
        try {
            return gateway.sendAndWait(message);
        } catch (RuntimeException e) {
            DuplicateCommands.Found duplicate = DuplicateCommands.find(e);
            if (duplicate == null) {
                throw e;
            }
            log.info("command {} under key {} was already stored at commit {}; answering from the stored commit",
                    message.getCommandName(), duplicate.idempotencyKey(), duplicate.commitPosition());
            throw alreadyRecorded(duplicate.commitPosition(), aggregateId);
        }
    }

    /** The answer to a command whose events an earlier attempt under the same key stored at {@code position}. */
    private CommandOutcome alreadyRecorded(long position, String aggregateId) {
        List<String> stored = aggregatesOfCommit(position);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", stored.isEmpty() ? aggregateId : stored.get(0));
        if (stored.size() > 1) {
            body.put("ids", stored);
        }
        body.put("commitPosition", position);
        body.put("note", "Already recorded: the events of this request were stored by an earlier attempt "
                + "under the same Idempotency-Key; nothing was appended now.");
        return new CommandOutcome(200, body);
    }

    /** The aggregates whose events the commit at {@code position} holds, in order (first: the command's target). */
    List<String> aggregatesOfCommit(long position) {
        if (position < 1) {
            return List.of();
        }
        Set<String> ids = new LinkedHashSet<>();
        try (Stream<? extends TrackedEventMessage<?>> events = storage.readEvents(
                GapAwareTrackingToken.newInstance(position - 1, Collections.emptySortedSet()), false)) {
            Iterator<? extends TrackedEventMessage<?>> it = events.iterator();
            while (it.hasNext()) {
                TrackedEventMessage<?> event = it.next();
                if (!(event.trackingToken() instanceof GapAwareTrackingToken token) || token.getIndex() > position) {
                    break;
                }
                if (token.getIndex() == position && event instanceof DomainEventMessage<?> domain) {
                    ids.add(domain.getAggregateIdentifier());
                }
            }
        } catch (RuntimeException e) {
            log.warn("could not read commit {}: {}", position, e.getMessage());
        }
        return List.copyOf(ids);
    }
}
