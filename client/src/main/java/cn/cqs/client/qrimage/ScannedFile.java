package cn.cqs.client.qrimage;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * Result of scanning one file for QR codes, page by page.
 *
 * @param name  the file name or description, for display
 * @param kind  what the file turned out to be
 * @param pages every page scanned, in order, including pages without codes
 */
public record ScannedFile(String name, Kind kind, List<ScannedPage> pages) {

    /** The kinds of file the scanner reads. */
    public enum Kind { IMAGE, PDF }

    public ScannedFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        pages = List.copyOf(Objects.requireNonNull(pages, "pages"));
    }

    /** The distinct texts of every code in the file, in page order. */
    public List<String> texts() {
        LinkedHashSet<String> texts = new LinkedHashSet<>();
        for (ScannedPage page : pages) {
            for (DecodedQr code : page.codes()) {
                texts.add(code.text());
            }
        }
        return List.copyOf(texts);
    }
}
