package vn.ledger.projections.audit;

import org.bson.Document;
import vn.ledger.projections.store.PackedStrings;
import vn.ledger.projections.store.StoredForm;

import java.util.ArrayList;
import java.util.List;

/**
 * The documents of a posting list ({@link PostingTree}), one record each with its stored form. The id lists are
 * {@link PackedStrings} ({@link StoredForm#STRINGS}: one packed string), changed in place by the writer: appending an
 * id to the open leaf copies nothing.
 */
final class PostingDocs {

    private PostingDocs() {
    }

    /**
     * {@code key|h}: the sealed leaves ({@code tail}), the last id of the last one, and, while nothing is sealed, the
     * open leaf itself ({@code ids}; null once a leaf is sealed).
     */
    record Head(String id, int tail, String sealedLast, PackedStrings inline) {

        static final StoredForm<Head> FORM = StoredForm.document(Head::document, Head::read, null);

        private Document document() {
            Document d = new Document("_id", id).append("tail", tail);
            if (sealedLast != null) {
                d.append("sealedLast", sealedLast);
            }
            return inline == null ? d : d.append("ids", inline);
        }

        private static Head read(Document d) {
            return new Head(d.getString("_id"), d.getInteger("tail", 0), d.getString("sealedLast"),
                    d.get("ids") == null ? null : PackedStrings.mutable(d, "ids"));
        }

        /** The open leaf when the head holds it (nothing sealed yet), else null. */
        List<String> inlineIds() {
            return tail == 0 ? inline : null;
        }

        /** How many ids the list holds at least: the sealed ones and, when the head holds it, the open leaf. */
        long atLeast() {
            return (long) tail * PostingTree.LEAF + (inline == null ? 0 : inline.size());
        }
    }

    /** {@code key|n}: the ids of rank [32 n, 32 n + 32), sorted. */
    record Leaf(String id, PackedStrings ids) {

        static final StoredForm<Leaf> FORM = StoredForm.document(Leaf::document, Leaf::read, null);

        private Document document() {
            return new Document("_id", id).append("ids", ids);
        }

        private static Leaf read(Document d) {
            return new Leaf(d.getString("_id"), PackedStrings.mutable(d, "ids"));
        }
    }

    /**
     * {@code key|L.m}: the summaries of its sealed children, in order; stored as three packed lists ({@code firsts},
     * {@code mins}, {@code maxs}: epoch micros).
     */
    record Node(String id, List<PostingTree.Summary> children) {

        static final StoredForm<Node> FORM = StoredForm.document(Node::document, Node::read, null);

        Node {
            children = List.copyOf(children);
        }

        private Document document() {
            PackedStrings firsts = new PackedStrings();
            PackedStrings mins = new PackedStrings();
            PackedStrings maxs = new PackedStrings();
            for (PostingTree.Summary s : children) {
                firsts.add(s.first());
                mins.add(Long.toString(s.min()));
                maxs.add(Long.toString(s.max()));
            }
            return new Document("_id", id).append("firsts", firsts).append("mins", mins).append("maxs", maxs);
        }

        private static Node read(Document d) {
            List<String> firsts = PackedStrings.view(d, "firsts");
            List<String> mins = PackedStrings.view(d, "mins");
            List<String> maxs = PackedStrings.view(d, "maxs");
            List<PostingTree.Summary> children = new ArrayList<>(firsts.size());
            for (int i = 0; i < firsts.size(); i++) {
                children.add(new PostingTree.Summary(firsts.get(i), Long.parseLong(mins.get(i)),
                        Long.parseLong(maxs.get(i))));
            }
            return new Node(d.getString("_id"), children);
        }

        /** This node with child {@code slot}'s summary set (or added, for the next child). */
        Node with(int slot, PostingTree.Summary s) {
            List<PostingTree.Summary> more = new ArrayList<>(children);
            if (slot < more.size()) {
                more.set(slot, s);
            } else {
                more.add(s);
            }
            return new Node(id, more);
        }

        /** The summary of the whole node: its first id and the span of its children's. */
        PostingTree.Summary summary() {
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            for (PostingTree.Summary s : children) {
                min = Math.min(min, s.min());
                max = Math.max(max, s.max());
            }
            return new PostingTree.Summary(children.get(0).first(), min, max);
        }

        /** Index of the child whose range holds the id: the last first id at or below it (0 when below all). */
        int childFor(String id) {
            int lo = 0;
            int hi = children.size() - 1;
            int found = 0;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                if (children.get(mid).first().compareTo(id) <= 0) {
                    found = mid;
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            return found;
        }
    }
}
