package cn.cqs.client.qrimage;

/**
 * Which attempt of {@link QrDecoder} found a code. Later passes cost extra time, so a rising
 * share of later passes on real scans is a sign of poor prints or cameras.
 */
public enum DecodePass {
    /** ZXing's HybridBinarizer (local thresholds): the usual case for photos and scans. */
    HYBRID,
    /** ZXing's GlobalHistogramBinarizer: one threshold, helps on evenly lit low-contrast images. */
    GLOBAL_HISTOGRAM,
    /** The image with light and dark swapped (a light code on a dark ground). */
    INVERTED
}
