package cn.cqs.client.qrimage;

import boofcv.abst.fiducial.QrCodeDetector;
import boofcv.alg.fiducial.qrcode.QrCode;
import boofcv.factory.fiducial.ConfigQrCode;
import boofcv.factory.fiducial.FactoryFiducial;
import boofcv.factory.filter.binary.ConfigThreshold;
import boofcv.factory.filter.binary.ThresholdType;
import boofcv.struct.image.GrayU8;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.Binarizer;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.LuminanceSource;
import com.google.zxing.NotFoundException;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.ResultPoint;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.detector.FinderPattern;
import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The verify desk's decoding pipeline (识读流程): every QR code in one frame, with the same
 * {@link DeskDecoderSettings} for every frame. ZXing is the customer's decoder and goes first;
 * each further pass runs only when the earlier ones found nothing and the time budget allows:
 *
 * <ol>
 *   <li>{@link DecodePass#DOWNSCALED}: huge frames (photos, high-DPI scans) halved first;</li>
 *   <li>{@link DecodePass#HYBRID}: ZXing, HybridBinarizer, TRY_HARDER, all codes in the frame;</li>
 *   <li>{@link DecodePass#BOOFCV}, {@link DecodePass#BOOFCV_FINE}: BoofCV's detector, the second
 *       opinion, with its default and a finer local threshold (about 10 ms on a 1280x720 frame, and
 *       on camera frames it reads more than any ZXing retry, so it comes before them);</li>
 *   <li>{@link DecodePass#GLOBAL_HISTOGRAM}: ZXing with one global threshold;</li>
 *   <li>{@link DecodePass#DOWNSCALED}: frames of 800 px or more halved (big blurry codes);</li>
 *   <li>{@link DecodePass#LOCAL_CONTRAST}, {@link DecodePass#SHARPENED}: ZXing after local contrast
 *       normalisation, after unsharp masking;</li>
 *   <li>{@link DecodePass#BOOFCV_SHARPENED}, {@link DecodePass#BOOFCV_UPSCALED},
 *       {@link DecodePass#BOOFCV_LOCAL_CONTRAST}: BoofCV on the sharpened, doubled, normalised frame;</li>
 *   <li>{@link DecodePass#UPSCALED}: ZXing on the frame doubled (both binarizers);</li>
 *   <li>{@link DecodePass#INVERTED}: ZXing on the negative.</li>
 * </ol>
 * Doubling applies to frames up to {@link DeskDecoderSettings#upscaleBelowPx()}; the budget is
 * checked before every pass.
 *
 * <p>Each ZXing pass asks the multi-code reader first (a foreign code may be in view beside the
 * system's) and, when it finds nothing, the single-code reader, whose finder search is more
 * forgiving. Instances are thread-safe; BoofCV's detector is kept per thread.
 */
public final class DeskDecoder {

    private static final Map<DecodeHintType, Object> HINTS = hints();
    /** Frames smaller than this are not tried halved: their codes would lose too much. */
    private static final int MIN_SIDE_TO_HALVE = 800;
    /** Block size of the fine BoofCV pass's local threshold. */
    private static final int FINE_THRESHOLD_BLOCK_PX = 16;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final DeskDecoderSettings settings;
    private final long budgetNanos;
    private final ThreadLocal<QrCodeDetector<GrayU8>> boofcv =
            ThreadLocal.withInitial(() -> FactoryFiducial.qrcode(new ConfigQrCode(), GrayU8.class));
    private final ThreadLocal<QrCodeDetector<GrayU8>> boofcvFine = ThreadLocal.withInitial(DeskDecoder::fineBoofcv);

    /** The desk's pipeline with {@link DeskDecoderSettings#DEFAULT}. */
    public DeskDecoder() {
        this(DeskDecoderSettings.DEFAULT);
    }

    public DeskDecoder(DeskDecoderSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.budgetNanos = settings.timeBudget().toNanos();
    }

    public DeskDecoderSettings settings() {
        return settings;
    }

    /** BoofCV with local Otsu thresholds over 16 px blocks (its default is 40 px). */
    private static QrCodeDetector<GrayU8> fineBoofcv() {
        ConfigQrCode config = new ConfigQrCode();
        config.threshold = ConfigThreshold.local(ThresholdType.BLOCK_OTSU, FINE_THRESHOLD_BLOCK_PX);
        return FactoryFiducial.qrcode(config, GrayU8.class);
    }

    private static Map<DecodeHintType, Object> hints() {
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
        return Map.copyOf(hints);
    }

    /** Decodes one frame. */
    public DeskDecodeResult decode(Frame frame) {
        return decode(Objects.requireNonNull(frame, "frame").image());
    }

    /** Decodes a picture (converted to luminance first). */
    public DeskDecodeResult decode(BufferedImage image) {
        return decode(LumaImage.of(Objects.requireNonNull(image, "image")));
    }

    /** Decodes a luminance image: every distinct code found by the first pass that finds any. */
    public DeskDecodeResult decode(LumaImage image) {
        Objects.requireNonNull(image, "image");
        long start = System.nanoTime();
        long cpuStart = cpuNanos();
        Map<String, DecodedQr> found = new LinkedHashMap<>();
        Map<String, QrOutline> outlines = new LinkedHashMap<>();
        int tried = 0;
        boolean cut = false;
        Versions versions = new Versions(image);
        for (DecodePass pass : plan(Math.max(image.width(), image.height()))) {
            if (tried > 0 && cpuNanos() - cpuStart >= budgetNanos) {
                cut = true;
                break;
            }
            tried++;
            run(pass, versions, found, outlines);
            if (!found.isEmpty()) {
                break;
            }
        }
        return new DeskDecodeResult(List.copyOf(found.values()), System.nanoTime() - start, tried, cut,
                List.copyOf(outlines.values()));
    }

    /**
     * The decoding thread's CPU time where the JVM measures it, else the wall clock: the budget
     * counts the work done on the frame, so a machine busy with other programs does not change
     * which passes run (on an idle machine the two agree).
     */
    private static long cpuNanos() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    /** The passes for a frame whose longer side is {@code longSide} pixels, in order. */
    private List<DecodePass> plan(int longSide) {
        List<DecodePass> plan = new ArrayList<>();
        boolean huge = longSide > settings.downscaleAbovePx();
        boolean boof = settings.secondDetector();
        boolean upscale = longSide <= settings.upscaleBelowPx();
        if (huge) {
            plan.add(DecodePass.DOWNSCALED);
        }
        plan.add(DecodePass.HYBRID);
        if (boof) {
            plan.add(DecodePass.BOOFCV);
            plan.add(DecodePass.BOOFCV_FINE);
        }
        plan.add(DecodePass.GLOBAL_HISTOGRAM);
        if (!huge && longSide >= MIN_SIDE_TO_HALVE) {
            plan.add(DecodePass.DOWNSCALED);
        }
        plan.add(DecodePass.LOCAL_CONTRAST);
        plan.add(DecodePass.SHARPENED);
        if (boof) {
            plan.add(DecodePass.BOOFCV_SHARPENED);
            if (upscale) {
                plan.add(DecodePass.BOOFCV_UPSCALED);
            }
            plan.add(DecodePass.BOOFCV_LOCAL_CONTRAST);
        }
        if (upscale) {
            plan.add(DecodePass.UPSCALED);
        }
        plan.add(DecodePass.INVERTED);
        return plan;
    }

    /** The frame and the filtered versions of it made so far (each made at most once per frame). */
    private static final class Versions {
        final LumaImage original;
        LumaImage sharpened;
        LumaImage normalised;
        LumaImage doubled;

        Versions(LumaImage original) {
            this.original = original;
        }

        LumaImage sharpened() {
            if (sharpened == null) {
                sharpened = LumaFilters.sharpened(original);
            }
            return sharpened;
        }

        LumaImage normalised() {
            if (normalised == null) {
                normalised = LumaFilters.normaliseLocally(original);
            }
            return normalised;
        }

        LumaImage doubled() {
            if (doubled == null) {
                doubled = LumaFilters.doubled(original);
            }
            return doubled;
        }
    }

    /** Found codes and their outlines, in the original frame's pixels. */
    private record Sink(Map<String, DecodedQr> found, Map<String, QrOutline> outlines, double scale) {
        Sink scaled(double by) {
            return new Sink(found, outlines, by);
        }

        boolean isEmpty() {
            return found.isEmpty();
        }
    }

    private void run(DecodePass pass, Versions v, Map<String, DecodedQr> found, Map<String, QrOutline> outlines) {
        Sink same = new Sink(found, outlines, 1.0);
        // a halved frame's pixel is two of the original's; a doubled frame's is half of one
        Sink halved = same.scaled(2.0);
        Sink doubled = same.scaled(0.5);
        switch (pass) {
            case HYBRID -> zxing(source(v.original), HybridBinarizer::new, pass, same);
            case DOWNSCALED -> zxing(source(LumaFilters.halve(v.original)), HybridBinarizer::new, pass, halved);
            case GLOBAL_HISTOGRAM -> zxing(source(v.original), GlobalHistogramBinarizer::new, pass, same);
            case LOCAL_CONTRAST -> zxing(source(v.normalised()), HybridBinarizer::new, pass, same);
            case SHARPENED -> zxing(source(v.sharpened()), HybridBinarizer::new, pass, same);
            case UPSCALED -> {
                zxing(source(v.doubled()), HybridBinarizer::new, pass, doubled);
                if (found.isEmpty()) {
                    zxing(source(v.doubled()), GlobalHistogramBinarizer::new, pass, doubled);
                }
            }
            case INVERTED -> zxing(source(v.original).invert(), HybridBinarizer::new, pass, same);
            case BOOFCV -> boofcv(boofcv.get(), v.original, pass, same);
            case BOOFCV_FINE -> boofcv(boofcvFine.get(), v.original, pass, same);
            case BOOFCV_SHARPENED -> boofcv(boofcv.get(), v.sharpened(), pass, same);
            case BOOFCV_UPSCALED -> {
                boofcv(boofcv.get(), v.doubled(), pass, doubled);
                if (found.isEmpty()) {
                    boofcv(boofcvFine.get(), v.doubled(), pass, doubled);
                }
            }
            case BOOFCV_LOCAL_CONTRAST -> boofcv(boofcv.get(), v.normalised(), pass, same);
        }
    }

    private static LuminanceSource source(LumaImage image) {
        return new PlanarYUVLuminanceSource(image.pixels(), image.width(), image.height(), 0, 0, image.width(),
                image.height(), false);
    }

    private static void zxing(LuminanceSource source, Function<LuminanceSource, Binarizer> binarizer, DecodePass pass,
                              Sink sink) {
        BinaryBitmap bitmap = new BinaryBitmap(binarizer.apply(source));
        try {
            for (Result result : new QRCodeMultiReader().decodeMultiple(bitmap, HINTS)) {
                add(result, pass, sink);
            }
        } catch (NotFoundException e) {
            // ZXing's way of saying "no code here": fall through to the single-code reader
        }
        if (!sink.isEmpty()) {
            return;
        }
        try {
            add(new QRCodeReader().decode(bitmap, HINTS), pass, sink);
        } catch (NotFoundException | ChecksumException | FormatException e) {
            // nothing readable in this pass: the pipeline goes on with the next one
        }
    }

    private static void boofcv(QrCodeDetector<GrayU8> detector, LumaImage image, DecodePass pass, Sink sink) {
        GrayU8 gray = new GrayU8();
        gray.data = image.pixels();
        gray.width = image.width();
        gray.height = image.height();
        gray.stride = image.width();
        gray.startIndex = 0;
        detector.process(gray);
        for (QrCode code : detector.getDetections()) {
            if (add(code.message, pass, sink) && code.bounds != null && code.bounds.size() == 4) {
                List<QrOutline.Point> corners = new ArrayList<>(4);
                for (int i = 0; i < 4; i++) {
                    corners.add(new QrOutline.Point(code.bounds.get(i).x * sink.scale(), code.bounds.get(i).y * sink.scale()));
                }
                sink.outlines().putIfAbsent(code.message, new QrOutline(code.message, corners));
            }
        }
    }

    private static void add(Result result, DecodePass pass, Sink sink) {
        ResultPoint[] points = result.getResultPoints();
        if (add(result.getText(), pass, sink) && points != null && points.length >= 3
                && points[0] != null && points[1] != null && points[2] != null) {
            double moduleSize = points[1] instanceof FinderPattern finder ? finder.getEstimatedModuleSize() : 0;
            sink.outlines().putIfAbsent(result.getText(), QrOutline.fromFinderCentres(result.getText(),
                    point(points[0]), point(points[1]), point(points[2]), moduleSize, sink.scale()));
        }
    }

    private static QrOutline.Point point(ResultPoint p) {
        return new QrOutline.Point(p.getX(), p.getY());
    }

    /** True when the text is a code (the first sighting in this frame decides its pass). */
    private static boolean add(String text, DecodePass pass, Sink sink) {
        if (text != null && !text.isEmpty()) {
            sink.found().putIfAbsent(text, new DecodedQr(text, pass));
            return true;
        }
        return false;
    }
}
