package vn.ledger.api.directive;

import java.text.Normalizer;
import java.util.Locale;

/**
 * How symbols are compared: Unicode NFC, upper case, all white space removed. "22-TB/CQTTBCĐ" typed in NFD
 * or as "22 - TB/cqttbcđ" names the same document; the diacritics stay ("Đ" is not "D").
 */
public final class SymbolNormaliser {

    private SymbolNormaliser() {
    }

    public static String normalise(String symbol) {
        if (symbol == null) {
            return null;
        }
        String nfc = Normalizer.normalize(symbol, Normalizer.Form.NFC);
        return nfc.toUpperCase(Locale.ROOT).replaceAll("[\\s\\u00A0\\u2007\\u202F]+", "");
    }
}
