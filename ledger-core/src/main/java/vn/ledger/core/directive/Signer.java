package vn.ledger.core.directive;

/** The signer as printed at the foot of the document, e.g. "T/M BAN THƯỜNG VỤ, PHÓ BÍ THƯ, Lê Thành Đô". */
public record Signer(String name, String position, SigningCapacity capacity) {
}
