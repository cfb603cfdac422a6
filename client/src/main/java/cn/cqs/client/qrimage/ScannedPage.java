package cn.cqs.client.qrimage;

import java.util.List;
import java.util.Objects;

/**
 * The QR codes found on one page (an image file is a single page 1).
 *
 * @param pageNumber 1-based page number
 * @param codes      the codes found, possibly none
 */
public record ScannedPage(int pageNumber, List<DecodedQr> codes) {

    public ScannedPage {
        if (pageNumber < 1) {
            throw new IllegalArgumentException("pageNumber: must be 1 or more, got " + pageNumber);
        }
        codes = List.copyOf(Objects.requireNonNull(codes, "codes"));
    }
}
