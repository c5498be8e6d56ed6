package vn.ledger.projections.chain;

import vn.ledger.core.shared.BodyGroup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The implementation chain of a directive or task at {@code now}, depth-limited and with children paged.
 *
 * @param documentsRead documents this answer read
 * @param roundTrips    reads sent to the store (1 for the root, then 1 {@code $in} per level shown, 1 per
 *                      {@value ChainQueries#MAX_IN} ids of a level)
 */
public record ChainView(ChainNode root, Instant now, int maxDepth, int childPage, String treeRule,
                        String timelinessRule, int documentsRead, int roundTrips) {

    /**
     * One node. Directive fields (symbol, issuer, recipients...) are null/empty on a task and the reverse.
     *
     * @param depth         distance below the node the question was asked about (0 = that node)
     * @param exists        false for a node only referenced so far (e.g. cited before its own event arrived)
     * @param label         directive symbol, or task code
     * @param title         directive subject, or task work
     * @param date          issue date, or assignment date
     * @param status        ACTIVE / RECALLED / REPLACED for a directive; the {@code Timeliness} of a task
     * @param stopped       a task whose directive was recalled or replaced before it was done (status CANCELLED)
     * @param leadGroups    a task led through a group of bodies (code "II.6@BKHCN"): the groups as written
     *                      ("Các tỉnh ủy, thành ủy") its lead was named through; empty otherwise (see
     *                      {@link GroupLeads}: from the task model, when the view is answered)
     * @param lastReportedPercent a task's percent in its latest report that gave one (by business date), beside
     *                      the done count of its roll-up (which counts only completed tasks); null when none
     * @param lastReportedOn that report's business date
     * @param missing       the "6 rõ" the task still lacks (Vietnamese labels)
     * @param uncoveredLeads lead bodies that have not made an open task concrete (see {@link ChainRules#COVERAGE})
     * @param childCount    number of children; {@code children} holds those of the page asked for
     * @param nextOffset    offset of the next page of children, null when all were given
     */
    public record ChainNode(String id, String kind, boolean exists, int depth, String label, String title,
                            String issuer, String directiveId, String parentTaskId, List<String> leads,
                            List<String> cooperating, List<BodyGroup> leadGroups, LocalDate date, String deadline, LocalDate due,
                            String status, boolean stopped, LocalDate completedOn, boolean accepted,
                            Integer lastReportedPercent, LocalDate lastReportedOn,
                            List<String> missing, List<String> uncoveredLeads, List<String> alsoImplements,
                            List<Recipient> recipients, Rollup rollup, int childCount, List<ChainNode> children,
                            Integer nextOffset) {

        public ChainNode {
            leadGroups = leadGroups == null ? List.of() : List.copyOf(leadGroups);
        }

        /** The node with its lead groups and children replaced. */
        ChainNode with(List<BodyGroup> groups, List<ChainNode> shownChildren) {
            return new ChainNode(id, kind, exists, depth, label, title, issuer, directiveId, parentTaskId, leads,
                    cooperating, groups, date, deadline, due, status, stopped, completedOn, accepted,
                    lastReportedPercent, lastReportedOn, missing, uncoveredLeads, alsoImplements, recipients, rollup,
                    childCount, shownChildren, nextOffset);
        }
    }

    /**
     * A recipient of a directive and how far it got.
     *
     * @param actedOn the first of: forwarded (issued a directive citing it), delegated one of its tasks,
     *                acknowledged or reported on one of its tasks
     * @param forwardedAs directives the body issued citing this one
     */
    public record Recipient(String body, String role, LocalDate receivedOn, LocalDate actedOn, Long daysToReceive,
                            Long daysToAct, List<String> forwardedAs) {
    }

    /**
     * Totals of the node and everything below it, from the node's roll-up (no walk).
     *
     * @param percentDone      done / (tasks − cancelled), 0..100, null without tasks
     * @param latestDeadline   the latest due day of a task below that is not cancelled
     * @param missingByRo      "6 rõ" label → tasks lacking it
     * @param tasksWithGaps    tasks lacking at least one "rõ"
     * @param coverageGaps     (task, lead) pairs not made concrete (see {@link ChainRules#COVERAGE})
     * @param neverAcknowledged action recipients with no receipt and no act
     * @param awaitingAction   action recipients who received but have not acted
     * @param depthBelow       longest distance to a node below
     * @param levels           hop latency per level below (0 = this node)
     */
    public record Rollup(long directives, long tasks, long notStarted, long inProgress, long overdue, long doneOnTime,
                         long doneLate, long cancelled, Double percentDone, LocalDate latestDeadline,
                         long tasksWithGaps, Map<String, Long> missingByRo, long coverageGaps, long recipients,
                         long received, long acted, long neverAcknowledged, long awaitingAction, int depthBelow,
                         List<Level> levels) {
    }

    /**
     * Hop latency at one level below the node: its directives' action recipients (issued → received →
     * acted) and its tasks (assigned → delegated). Averages in days, null when nothing to average.
     */
    public record Level(int level, long directives, long recipients, long received, Double avgDaysToReceive,
                        long acted, Double avgDaysToAct, long tasks, long delegated, Double avgDaysToDelegate) {
    }
}
