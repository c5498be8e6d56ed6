package vn.ledger.archive.records;

/**
 * The metadata fields of Nghị định 30/2020/NĐ-CP, Phụ lục VI, that an archival bundle fills: the element name as the
 * annex gives it and its Vietnamese label. Document level first, then the file (hồ sơ) level.
 */
public enum AnnexField {
    ORGAN_ID("OrganId", "Mã định danh của cơ quan, tổ chức"),
    ORGAN_NAME("OrganName", "Tên cơ quan, tổ chức ban hành văn bản"),
    TYPE_NAME("TypeName", "Tên loại văn bản"),
    CODE_NUMBER("CodeNumber", "Số của văn bản"),
    CODE_NOTATION("CodeNotation", "Ký hiệu của văn bản"),
    ISSUED_DATE("IssuedDate", "Ngày, tháng, năm văn bản"),
    SUBJECT("Subject", "Trích yếu nội dung"),
    SIGNER_POSITION("SignerInfo.Position", "Chức vụ của người ký"),
    SIGNER_FULL_NAME("SignerInfo.FullName", "Họ và tên người ký"),
    TO("To", "Nơi nhận"),
    PRIORITY("Priority", "Độ khẩn"),
    DUE_DATE("DueDate", "Hạn xử lý"),
    LANGUAGE("Language", "Ngôn ngữ"),
    PAGE_AMOUNT("PageAmount", "Số lượng trang của văn bản"),
    DESCRIPTION("Description", "Ghi chú"),

    FILE_CODE("FileCode", "Mã hồ sơ"),
    TITLE("Title", "Tiêu đề hồ sơ"),
    MAINTENANCE("Maintenance", "Thời hạn bảo quản"),
    RIGHTS("Rights", "Chế độ sử dụng"),
    CREATOR("Creator", "Người lập hồ sơ"),
    START_DATE("StartDate", "Thời gian bắt đầu"),
    END_DATE("EndDate", "Thời gian kết thúc"),
    DOC_TOTAL("DocTotal", "Tổng số văn bản trong hồ sơ");

    private final String element;
    private final String label;

    AnnexField(String element, String label) {
        this.element = element;
        this.label = label;
    }

    public String element() {
        return element;
    }

    public String label() {
        return label;
    }
}
