package vn.ledger.projections.chain;

import vn.ledger.projections.store.ReadStore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * The reads of one chain query, by id, counted ({@code trips}, {@code documents}): a node read once is not read
 * again, and a level of more than {@link ChainQueries#MAX_IN} ids is read in parts, side by side on {@code parts}.
 */
final class ChainReads {

    private final ReadStore store;
    private final Executor parts;
    int trips;
    int documents;
    final Map<String, Node> cache = new java.util.HashMap<>();
    /** A stored node decoded; a directive with more recipients than a node holds reads the rest when shown. */
    final java.util.function.Function<org.bson.Document, Node> decode =
            d -> NodeCodec.read(d, this::recipientBuckets);

    /** @param parts where the parts of a level of more than {@link ChainQueries#MAX_IN} ids are read */
    ChainReads(ReadStore store, Executor parts) {
        this.store = store;
        this.parts = parts;
    }

    private Map<String, String> recipientBuckets(List<String> ids) {
        Map<String, String> found = NodeCodec.recipientBuckets(store, ids);
        synchronized (this) {
            trips++;
            documents += found.size();
        }
        return found;
    }

    Optional<Node> one(String id) {
        trips++;
        Optional<Node> d = store.find(ChainProjection.NODES, id).map(decode);
        documents += d.isPresent() ? 1 : 0;
        d.ifPresent(x -> cache.put(id, x));
        return d;
    }

    /** The stored buckets of acts among {@code ids} ({@link NodeCodec#actsBucketId}), by id: one trip. */
    Map<String, org.bson.Document> acts(java.util.Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, org.bson.Document> found = store.findAll(ChainProjection.ACTS, ids);
        synchronized (this) {
            trips++;
            documents += found.size();
        }
        return found;
    }

    Map<String, Node> many(List<String> ids) {
        return many(ids, d -> { });
    }

    /** @param each done to each document found, on the thread that read its part */
    Map<String, Node> many(List<String> ids, java.util.function.Consumer<Node> each) {
        List<String> missing = ids.stream().filter(i -> !cache.containsKey(i)).distinct().toList();
        List<CompletableFuture<Map<String, Node>>> sent = new ArrayList<>();
        // one part is read on this thread: handing it over would only add the hand-over
        Executor on = missing.size() > ChainQueries.MAX_IN ? parts : Runnable::run;
        for (int from = 0; from < missing.size(); from += ChainQueries.MAX_IN) {
            List<String> part = missing.subList(from, Math.min(missing.size(), from + ChainQueries.MAX_IN));
            sent.add(CompletableFuture.supplyAsync(() -> {
                Map<String, Node> found = new LinkedHashMap<>();
                store.findAll(ChainProjection.NODES, part).forEach((i, d) -> found.put(i, decode.apply(d)));
                found.values().forEach(each);
                return found;
            }, on));
        }
        for (CompletableFuture<Map<String, Node>> f : sent) {
            Map<String, Node> found = received(f);
            synchronized (this) {
                trips++;
                documents += found.size();
            }
            cache.putAll(found);
        }
        Map<String, Node> out = new LinkedHashMap<>();
        for (String i : ids) {
            Node d = cache.get(i);
            if (d != null) {
                out.put(i, d);
            }
        }
        return out;
    }

    private static Map<String, Node> received(CompletableFuture<Map<String, Node>> part) {
        try {
            return part.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }
}
