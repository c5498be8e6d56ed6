package vn.ledger.core.shared;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A file kept outside the ledger, referenced by its SHA-256 so that the evidence cannot be swapped later
 * without the ledger noticing.
 */
public record Attachment(String name, String sha256) {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /**
     * Refuses attachments without a name or with a malformed hash. Validation lives here rather than in the
     * compact constructor so that the refusal can name the exact field ({@code evidence[2].sha256}) and so
     * that deserialising an old event never throws.
     */
    public static void validateAll(String field, List<Attachment> attachments) {
        for (int i = 0; i < attachments.size(); i++) {
            Attachment a = attachments.get(i);
            String at = field + "[" + i + "]";
            if (a == null || Text.isBlank(a.name())) {
                throw new DomainRuleViolation(at + ".name", "attachment.name.required",
                        "An attachment needs a file name");
            }
            if (a.sha256() == null || !SHA256.matcher(a.sha256()).matches()) {
                throw new DomainRuleViolation(at + ".sha256", "attachment.sha256",
                        "The SHA-256 of '" + a.name() + "' must be 64 lowercase hexadecimal characters");
            }
        }
    }
}
