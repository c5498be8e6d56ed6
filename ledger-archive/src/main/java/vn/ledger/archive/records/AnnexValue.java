package vn.ledger.archive.records;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One field of an Annex VI record: its value, or, when the ledger does not hold it, why not. A bundle never
 * fills a field the ledger does not know.
 *
 * @param value  a string or a list of strings; null when unknown
 * @param source where the value comes from (which event field), or why it is unknown
 */
public record AnnexValue(AnnexField field, Object value, String source) {

    public static AnnexValue known(AnnexField field, Object value, String source) {
        return new AnnexValue(field, value, source);
    }

    public static AnnexValue unknown(AnnexField field, String why) {
        return new AnnexValue(field, null, why);
    }

    public boolean isKnown() {
        return value != null && !(value instanceof String s && s.isBlank())
                && !(value instanceof List<?> l && l.isEmpty());
    }

    /** The JSON form: element, label, known, value or unknownBecause. */
    public Map<String, Object> toJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("element", field.element());
        out.put("label", field.label());
        out.put("known", isKnown());
        if (isKnown()) {
            out.put("value", value);
            out.put("source", source);
        } else {
            out.put("unknownBecause", source);
        }
        return out;
    }
}
