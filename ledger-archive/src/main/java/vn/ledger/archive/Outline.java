package vn.ledger.archive;

import vn.ledger.eventstore.StoredEvent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The documents an export holds, in the order the log first shows them, with the directive each document forwards
 * (the first cited one the export holds): enough to lay the report out as the cascade runs. Two ids a document,
 * nothing per task or event (a document's tasks are read back with its history from the export's spill).
 */
public final class Outline {

    /** One document: the directive it forwards (null for a root of the export). */
    public static final class Doc {
        final String id;
        String parent;

        Doc(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        /** The directive this one forwards, when the export holds it. */
        public String parent() {
            return parent;
        }
    }

    private final Map<String, Doc> docs = new LinkedHashMap<>();

    void see(StoredEvent event) {
        if ("Directive".equals(event.aggregateType())) {
            Doc doc = docs.computeIfAbsent(event.aggregateId(), Doc::new);
            if (Selection.is(event, "DirectiveIssued") && doc.parent == null) {
                for (String id : Selection.cited(event)) {
                    if (docs.containsKey(id) && !id.equals(doc.id)) {
                        doc.parent = id;
                        break;
                    }
                }
            }
        } else if ("Task".equals(event.aggregateType())) {
            docs.computeIfAbsent(Selection.documentOf(event), Doc::new);
        }
    }

    int size() {
        return docs.size();
    }

    /** Documents depth first: each root of the export, then the documents forwarding it, and so on. */
    List<Doc> inCascadeOrder() {
        Map<String, List<Doc>> children = new LinkedHashMap<>();
        List<Doc> roots = new ArrayList<>();
        for (Doc doc : docs.values()) {
            if (doc.parent == null) {
                roots.add(doc);
            } else {
                children.computeIfAbsent(doc.parent, k -> new ArrayList<>()).add(doc);
            }
        }
        List<Doc> out = new ArrayList<>(docs.size());
        java.util.ArrayDeque<Doc> stack = new java.util.ArrayDeque<>();
        for (int i = roots.size() - 1; i >= 0; i--) {
            stack.push(roots.get(i));
        }
        while (!stack.isEmpty()) {
            Doc doc = stack.pop();
            out.add(doc);
            List<Doc> kids = children.getOrDefault(doc.id, List.of());
            for (int i = kids.size() - 1; i >= 0; i--) {
                stack.push(kids.get(i));
            }
        }
        return out;
    }
}
