package vn.ledger.core.directive;

/** Kind of document: Thông báo, Công văn, Chỉ thị, Quyết định, Kết luận, Kế hoạch, or another. */
public enum DirectiveKind {
    THONG_BAO, CONG_VAN, CHI_THI, QUYET_DINH, KET_LUAN, KE_HOACH, OTHER
}
