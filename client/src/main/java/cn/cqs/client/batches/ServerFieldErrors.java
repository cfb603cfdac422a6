package cn.cqs.client.batches;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the field errors back out of a refused outbox entry's reason, which the outbox sender
 * writes as the problem's detail followed by {@code field: message} pairs separated by {@code "; "}
 * (e.g. {@code Invalid registration: buyer: Required; volumeM3: At most 10000}). The form shows
 * each at its field; the field path's first segment names the form field
 * ({@code quantities[2].kgPerM3} → {@code quantities}).
 */
public final class ServerFieldErrors {
    private static final Pattern PAIR = Pattern.compile("^(?:.*?: )?([a-zA-Z][A-Za-z0-9_]*(?:[.\\[][A-Za-z0-9_.\\[\\]]*)?): (.+)$");

    private ServerFieldErrors() {
    }

    /**
     * The errors by their full field path, in the order given; empty when the reason names no field.
     *
     * @param known the form's field names (first path segments); pairs naming another field are skipped
     */
    public static Map<String, String> parse(String reason, java.util.Set<String> known) {
        Map<String, String> out = new LinkedHashMap<>();
        if (reason == null || reason.isBlank()) {
            return out;
        }
        for (String part : reason.split("; ")) {
            Matcher m = PAIR.matcher(part.strip());
            if (m.matches() && known.contains(root(m.group(1)))) {
                out.putIfAbsent(m.group(1), m.group(2).strip());
            }
        }
        return out;
    }

    /** The first segment of a field path. */
    public static String root(String path) {
        int cut = path.length();
        for (char c : new char[] {'.', '['}) {
            int at = path.indexOf(c);
            if (at >= 0 && at < cut) {
                cut = at;
            }
        }
        return path.substring(0, cut);
    }
}
