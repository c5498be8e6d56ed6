package vn.ledger.archive.records;

/**
 * The metadata fields of Nghị định 30/2020/NĐ-CP, Phụ lục VI, that an archival bundle fills: the element name as the
 * annex gives it and its Vietnamese label. Document level first, then the file (hồ sơ) level.
 *
 * <p>Checked against the annex, Phần II "Chuẩn thông tin đầu vào của Hệ thống": Mục I (văn bản đi, the table a
 * document the ledger records follows) and Mục III (hồ sơ), in the transcription of the decree's own annex file
 * (Phuluc6.docx) kept in github.com/ericphan28/van-ban-plus, docs/van-ban-phap-quy/nghi-dinh/30-2020-ND-CP/
 * van-ban-goc/30.2020.NĐ-CP/Phuluc6.md, commit 2358a46, read 2026-12-06. A sub-field is written as the annex nests
 * it, {@code parent.child} (1.1 under FileCode, 12.1 / 12.2 under SignerInfo). That transcription spells
 * "Organld" and "Signerlnfo" (a lower-case L) where its row 13.1 spells "OrganId": read as the I they stand for.
 */
public enum AnnexField {
    // Mục I has no identifier of the issuing organ of its own: OrganId is 1.1, part of the document's FileCode
    // ("mã định danh của cơ quan, tổ chức lập danh mục hồ sơ"), and 13.1, a recipient's (inside To)
    ORGAN_ID("FileCode.OrganId", "Mã định danh của cơ quan, tổ chức lập danh mục hồ sơ"),
    ORGAN_NAME("OrganName", "Tên cơ quan, tổ chức ban hành văn bản"),
    TYPE_NAME("TypeName", "Tên loại văn bản"),
    CODE_NUMBER("CodeNumber", "Số của văn bản"),
    CODE_NOTATION("CodeNotation", "Ký hiệu của văn bản"),
    ISSUED_DATE("IssuedDate", "Ngày, tháng, năm văn bản"),
    SUBJECT("Subject", "Trích yếu nội dung"),
    SIGNER_POSITION("SignerInfo.Position", "Chức vụ của người ký văn bản"),
    SIGNER_FULL_NAME("SignerInfo.FullName", "Họ và tên người ký văn bản"),
    TO("To", "Nơi nhận"),
    PRIORITY("Priority", "Mức độ khẩn, độ mật"),
    DUE_DATE("DueDate", "Hạn trả lời văn bản"), // Mục I, 16 (Mục II, văn bản đến: "Thời hạn giải quyết")
    LANGUAGE("Language", "Ngôn ngữ"),
    PAGE_AMOUNT("PageAmount", "Số trang của văn bản"),
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
