package cn.cqs.client.verify;

import cn.cqs.contract.verify.ScanSource;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A file scanned for the verify desk: the codes found (page by page) and a preview image of each
 * page that carries a code (page 1 when none does), with the codes' locations on it when found.
 *
 * @param name      the file name, for display
 * @param pageCount how many pages the file has (1 for an image)
 * @param codes     every distinct code text with the page it was first found on
 * @param previews  page number to preview image
 * @param locations page number to the codes located on that page's preview
 * @param source    an image file, a PDF or a camera frame
 * @param file      the file read; null for a camera frame (the frame is the preview of page 1)
 */
public record ScannedDocument(String name, int pageCount, List<CodeVerifier.ScannedCode> codes,
                              Map<Integer, BufferedImage> previews, Map<Integer, List<CodeLocation>> locations, ScanSource source, Path file) {
    public ScannedDocument {
        Objects.requireNonNull(name, "name");
        codes = List.copyOf(codes);
        previews = Map.copyOf(previews);
        locations = Map.copyOf(locations);
        Objects.requireNonNull(source, "source");
        if (file == null && source != ScanSource.WEBCAM) {
            throw new IllegalArgumentException("file: required for " + source);
        }
        if (source == ScanSource.WEBCAM && !previews.containsKey(1)) {
            throw new IllegalArgumentException("previews: a camera capture needs its frame as page 1");
        }
    }
}
