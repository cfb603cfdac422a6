package cn.cqs.client.qrimage;

/**
 * Which attempt found a code ({@link QrDecoder}, {@link DeskDecoder}). Later passes cost extra
 * time, so a rising share of later passes on real scans is a sign of poor prints or cameras.
 */
public enum DecodePass {
    /** ZXing's HybridBinarizer (local thresholds): the usual case for photos and scans. */
    HYBRID,
    /** ZXing's HybridBinarizer on the frame halved: huge frames (photos, high-DPI scans) first. */
    DOWNSCALED,
    /** ZXing's GlobalHistogramBinarizer: one threshold, helps on evenly lit low-contrast images. */
    GLOBAL_HISTOGRAM,
    /** ZXing after local contrast normalisation: uneven light, glare, low contrast. */
    LOCAL_CONTRAST,
    /** ZXing after sharpening: defocus and motion blur. */
    SHARPENED,
    /** ZXing on the frame doubled: codes whose modules are only about two pixels wide. */
    UPSCALED,
    /** The image with light and dark swapped (a light code on a dark ground). */
    INVERTED,
    /** BoofCV's QR detector, the second detector, on the frame as it is. */
    BOOFCV,
    /** BoofCV with a finer local threshold (16 px blocks instead of 40): small and unevenly lit codes. */
    BOOFCV_FINE,
    /** BoofCV after sharpening. */
    BOOFCV_SHARPENED,
    /** BoofCV on the frame doubled (small codes). */
    BOOFCV_UPSCALED,
    /** BoofCV after local contrast normalisation. */
    BOOFCV_LOCAL_CONTRAST,
    /**
     * A place where a detector located a code it could not read, or a patch of code-like texture,
     * cropped, enlarged (bicubic), sharpened and normalised, and read by BoofCV and ZXing: small,
     * blurred, unevenly lit codes.
     */
    REGION,
    /**
     * A large code smeared by motion: the frame's biggest patch of code-like texture in coarse
     * cells, halved to a few hundred pixels, deconvolved along the motion blur estimated from it,
     * enlarged and read by BoofCV and ZXing.
     */
    DEBLURRED
}
