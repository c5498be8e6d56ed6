package vn.ledger.projections.body;

import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SequenceNumber;
import vn.ledger.core.body.BodyClosed;
import vn.ledger.core.body.BodyMerged;
import vn.ledger.core.body.BodyRegistered;
import vn.ledger.core.body.BodyRenamed;
import vn.ledger.projections.store.LogOrder;
import vn.ledger.projections.store.ReadStore;
import vn.ledger.projections.store.StoredForms;

/**
 * Read model of the hierarchy of bodies, collection {@value #COLLECTION}: one document per body with its name
 * and rename history, parent, level, children, ancestor path (root first), closed or merged (successor).
 * See {@link BodyTree} for idempotency and out-of-order registrations.
 */
public class BodiesProjection {

    public static final String COLLECTION = "bodies";
    /** How this model's stored documents read (the administrator's decoded documents). */
    public static final StoredForms FORMS = StoredForms.forms().document(COLLECTION, BodyNode.FORM);

    private final BodyTree tree;

    public BodiesProjection(ReadStore store) {
        this.tree = new BodyTree(store, COLLECTION);
    }

    @EventHandler
    public void on(BodyRegistered e, @SequenceNumber Long seq, EventMessage<?> m) {
        tree.register(e, seq == null ? 0 : seq, LogOrder.key(m));
    }

    @EventHandler
    public void on(BodyRenamed e, @SequenceNumber Long seq) {
        tree.rename(e, seq == null ? 0 : seq);
    }

    @EventHandler
    public void on(BodyClosed e, @SequenceNumber Long seq) {
        tree.close(e, seq == null ? 0 : seq);
    }

    @EventHandler
    public void on(BodyMerged e, @SequenceNumber Long seq, EventMessage<?> m) {
        tree.merge(e, seq == null ? 0 : seq, LogOrder.key(m));
    }
}
