package vn.ledger.core.shared;

/** The "6 rõ" an assignment must be clear on. The ledger records the missing ones; it never refuses for them. */
public enum Ro {
    /** rõ người: the accountable person. */
    NGUOI("rõ người"),
    /** rõ việc: the work. */
    VIEC("rõ việc"),
    /** rõ trách nhiệm: who leads (and who cooperates). */
    TRACH_NHIEM("rõ trách nhiệm"),
    /** rõ thời gian: the deadline. */
    THOI_GIAN("rõ thời gian"),
    /** rõ thẩm quyền: the assigning body and the directive empowering it. */
    THAM_QUYEN("rõ thẩm quyền"),
    /** rõ sản phẩm: what proves the work done. */
    SAN_PHAM("rõ sản phẩm");

    private final String label;

    Ro(String label) {
        this.label = label;
    }

    /** The Vietnamese wording, for display. */
    public String label() {
        return label;
    }
}
