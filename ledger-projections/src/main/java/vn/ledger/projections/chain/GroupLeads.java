package vn.ledger.projections.chain;

import org.bson.Document;
import vn.ledger.core.group.GroupedTasks;
import vn.ledger.core.shared.BodyGroup;
import vn.ledger.projections.store.ReadStore;
import vn.ledger.projections.task.TaskProjection;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static vn.ledger.projections.store.SharedValues.BODY_GROUP;

/**
 * Puts beside each task of a chain view that came from a group lead (code "II.6@BKHCN") the group as written ("Các
 * tỉnh ủy, thành ủy", "các bộ, cơ quan ngang bộ"), so that an inspector reading the provinces' tasks sees what the
 * document said above them.
 *
 * <p>Resolved when the view is answered rather than stored in the chain model: the groups are facts of the
 * assignment that no later event changes, the task model keeps them already, and only the tasks shown whose code
 * names a member are read: one {@code $in} on the task model per {@value ChainQueries#MAX_IN} of them (none for a
 * chain without groups). So a view as of an instant or a business day takes them from today's task model too: the
 * wording of a task that existed then is the same today.
 */
public final class GroupLeads {

    private GroupLeads() {
    }

    /** {@code view} with {@link ChainView.ChainNode#leadGroups()} filled from the task model in {@code tasks}. */
    public static ChainView annotate(ChainView view, ReadStore tasks) {
        List<String> members = new ArrayList<>();
        collect(view.root(), members);
        if (members.isEmpty()) {
            return view;
        }
        Map<String, List<BodyGroup>> groups = new HashMap<>();
        for (int from = 0; from < members.size(); from += ChainQueries.MAX_IN) {
            Collection<Document> found = tasks.findAll(TaskProjection.COLLECTION,
                    members.subList(from, Math.min(members.size(), from + ChainQueries.MAX_IN))).values();
            for (Document d : found) {
                List<BodyGroup> through = BODY_GROUP.readAll(d.get("leadGroups"));
                if (!through.isEmpty()) {
                    groups.put(d.getString("_id"), through);
                }
            }
        }
        return new ChainView(with(view.root(), groups), view.now(), view.maxDepth(), view.childPage(),
                view.treeRule(), view.timelinessRule(), view.documentsRead(), view.roundTrips());
    }

    private static void collect(ChainView.ChainNode node, List<String> members) {
        if (Node.TASK.equals(node.kind()) && node.label() != null
                && node.label().indexOf(GroupedTasks.MEMBER) >= 0) {
            members.add(node.id());
        }
        node.children().forEach(c -> collect(c, members));
    }

    private static ChainView.ChainNode with(ChainView.ChainNode node, Map<String, List<BodyGroup>> groups) {
        List<ChainView.ChainNode> children = node.children().stream().map(c -> with(c, groups)).toList();
        return node.with(groups.getOrDefault(node.id(), node.leadGroups()), children);
    }
}
