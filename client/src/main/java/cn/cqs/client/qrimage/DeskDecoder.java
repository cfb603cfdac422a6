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
import com.google.zxing.ResultPoint;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.DetectorResult;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.detector.MultiDetector;
import com.google.zxing.qrcode.decoder.Decoder;
import com.google.zxing.qrcode.detector.Detector;
import georegression.struct.point.Point2D_F64;
import georegression.struct.shapes.Polygon2D_F64;
import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.EnumMap;
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
 *   <li>{@link DecodePass#REGION}: the cheap path for small codes. Every place where a detector
 *       located a code but could not read it (a {@link CodeRegion}: finder patterns found, bits or
 *       format unreadable) and every compact patch of code-like texture ({@link TextureRegions}:
 *       found even when no finder pattern binarizes) is cropped, enlarged with bicubic
 *       interpolation (to about six pixels per module, or about 800 px when the module size is
 *       unknown), and read by BoofCV and ZXing as it is, sharpened and locally normalised, at two
 *       enlargements; a code a detector locates inside such a crop is tried next, with its module
 *       size known. Where BoofCV or ZXing read a code's outline and version but its format or error
 *       correction failed, the grid is first sampled again module by module ({@link RectifiedGrid}),
 *       from the corners where the code's function patterns fit the image best when the detector's
 *       corners do not read ({@link FunctionPatternFit}). After the plain reads of every region, each
 *       region not read whose crop shows linear motion blur is deconvolved ({@link MotionDeblur}:
 *       direction and length estimated from the crop), enlarged and read once more;</li>
 *   <li>{@link DecodePass#DEBLURRED}: a large code smeared by motion, which no detector locates: the
 *       biggest patch of coarse code-like texture, halved, deconvolved and read;</li>
 *   <li>{@link DecodePass#GLOBAL_HISTOGRAM}: ZXing with one global threshold;</li>
 *   <li>{@link DecodePass#DOWNSCALED}: frames of 800 px or more halved (big blurry codes);</li>
 *   <li>{@link DecodePass#LOCAL_CONTRAST}, {@link DecodePass#SHARPENED}: ZXing after local contrast
 *       normalisation, after unsharp masking;</li>
 *   <li>{@link DecodePass#BOOFCV_SHARPENED}, {@link DecodePass#BOOFCV_LOCAL_CONTRAST}: BoofCV on the
 *       sharpened and the normalised frame;</li>
 *   <li>{@link DecodePass#BOOFCV_UPSCALED}, {@link DecodePass#UPSCALED}: BoofCV and ZXing (both
 *       binarizers) on the whole frame doubled, the costliest passes;</li>
 *   <li>{@link DecodePass#INVERTED}: ZXing on the negative;</li>
 * </ol>
 * with {@link DecodePass#REGION} passes again after the later passes for the places they located.
 * Doubling applies to frames up to {@link DeskDecoderSettings#upscaleBelowPx()}; the budget is
 * checked before every pass and before every region and every read of a region.
 *
 * <p>A frame may show a second, foreign code beside the system's (a WeChat link on the desk), and
 * the foreign one may be the easier to read. So when a pass has read codes, the pipeline still
 * gives BoofCV a look if it has not run, tries the regions a detector located but did not read,
 * and, when exactly one code was read, the texture patch beside it that is nearly as busy as the
 * read code's own patch.
 *
 * <p>Each ZXing pass asks the multi-code detector first and, when that reads nothing, the
 * single-code detector, whose finder search is more forgiving. Instances are thread-safe; BoofCV's
 * detectors are kept per thread.
 */
public final class DeskDecoder {

    private static final Map<DecodeHintType, Object> HINTS = hints();
    /** Frames smaller than this are not tried halved: their codes would lose too much. */
    private static final int MIN_SIDE_TO_HALVE = 800;
    /** Block size of the fine BoofCV pass's local threshold. */
    private static final int FINE_THRESHOLD_BLOCK_PX = 16;
    /** Evidence of a candidate a detector located ({@link CodeRegion#evidence()}): its bits or its format read. */
    private static final int DETECTED = 2;
    /** A texture patch beside a read code is tried when it is at least this busy relative to the code's own patch. */
    private static final double RIVAL_BUSYNESS = 0.8;
    /** Regions tried per region pass, most likely first. */
    private static final int MAX_REGIONS_PER_PASS = 4;
    /** An enlarged region's modules are made about this wide. */
    private static final double REGION_MODULE_PX = 6.0;
    /** Largest enlargement of a region. */
    private static final int MAX_REGION_FACTOR = 4;
    /** Longest side of an enlarged region, to keep a huge box from costing a whole frame's time. */
    private static final int MAX_REGION_SIDE_PX = 1400;
    /**
     * Ways one enlarged region is read: BoofCV (default and fine threshold) and ZXing as it is, BoofCV
     * (both thresholds) sharpened, BoofCV (both thresholds) and ZXing normalised.
     */
    private static final int REGION_ATTEMPTS = 8;
    /** A longer crop is halved before it is deblurred. */
    private static final int MAX_DEBLUR_SIDE_PX = 360;
    /** Ways a deblurred region is read: BoofCV (both thresholds) and ZXing as it is, BoofCV normalised. */
    private static final int DEBLURRED_ATTEMPTS = 4;
    /** An enlarged region whose module size is unknown is made about this long. */
    private static final int UNKNOWN_MODULE_REGION_SIDE_PX = 800;
    /** Large texture patches deblurred per frame ({@link DecodePass#DEBLURRED}). */
    private static final int MAX_LARGE_PATCHES = 2;
    /** Code-like texture patches proposed per frame. */
    private static final int MAX_TEXTURE_REGIONS = 3;
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
        boolean wall = settings.budgetClock() == DeskDecoderSettings.BudgetClock.WALL;
        Budget budget = new Budget(wall, wall ? start : cpuNanos(), budgetNanos);
        FrameReads reads = new FrameReads();
        Versions versions = new Versions(image);
        int tried = 0;
        boolean cut = false;
        boolean boofcvRan = false;
        boolean textureLooked = false;
        for (DecodePass pass : plan(Math.max(image.width(), image.height()))) {
            if (pass == DecodePass.REGION && !textureLooked) {
                // the detectors' candidates first, then patches of code-like texture no detector located
                textureLooked = true;
                TextureRegions.find(image, MAX_TEXTURE_REGIONS).forEach(reads::propose);
            }
            if (pass == DecodePass.REGION && reads.untried(1, 0).isEmpty()) {
                continue;
            }
            if (tried > 0 && budget.spent()) {
                cut = true;
                break;
            }
            tried++;
            boofcvRan |= pass == DecodePass.BOOFCV;
            if (!run(pass, versions, reads, budget)) {
                cut = true;
                break;
            }
            if (!reads.isEmpty()) {
                break;
            }
        }
        if (!reads.isEmpty() && !cut) {
            // a frame with a readable code may hold a smaller one beside it (the system's code beside a
            // foreign one): BoofCV has a look too, and what a detector located but could not read is
            // tried as a region (not texture patches here: text and tables beside a read code would
            // cost every such frame the region pass)
            if (!boofcvRan && settings.secondDetector() && !budget.spent()) {
                tried++;
                run(DecodePass.BOOFCV, versions, reads, budget);
            }
            if (!reads.untried(1, DETECTED).isEmpty() && !budget.spent()) {
                tried++;
                cut = !regions(image, reads, budget, DETECTED);
            }
            CodeRegion rival = cut || reads.count() > 1 ? null : rivalPatch(image, reads);
            if (rival != null && !budget.spent()) {
                tried++;
                reads.markTried(rival);
                cut = !region(image, rival, reads, budget);
            }
        }
        return new DeskDecodeResult(reads.codes(), System.nanoTime() - start, tried, cut, reads.outlines());
    }

    /**
     * Beside the one code read, a patch of texture at least {@link #RIVAL_BUSYNESS} times as busy as
     * the read code's own patch and not covering it: most likely a second code (text and tables
     * around a code are far less busy than the code itself); null when there is none.
     */
    private static CodeRegion rivalPatch(LumaImage image, FrameReads reads) {
        List<TextureRegions.Patch> patches = TextureRegions.patches(image, MAX_TEXTURE_REGIONS);
        double readBusyness = 0;
        for (TextureRegions.Patch patch : patches) {
            if (reads.isRead(patch.region())) {
                readBusyness = Math.max(readBusyness, patch.busyness());
            }
        }
        for (TextureRegions.Patch patch : patches) {
            if (readBusyness > 0 && patch.busyness() >= RIVAL_BUSYNESS * readBusyness && !reads.isRead(patch.region())
                    && !reads.wasTried(patch.region())) {
                return patch.region();
            }
        }
        return null;
    }

    /**
     * The decoding thread's CPU time where the JVM measures it, else the wall clock: the budget
     * counts the work done on the frame, so a machine busy with other programs does not change
     * which passes run (on an idle machine the two agree).
     */
    private static long cpuNanos() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    /** The time one frame may take, on the thread's CPU clock or the wall clock. */
    private record Budget(boolean wall, long start, long nanos) {
        boolean spent() {
            return (wall ? System.nanoTime() : cpuNanos()) - start >= nanos;
        }
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
        plan.add(DecodePass.REGION);
        plan.add(DecodePass.DEBLURRED);
        plan.add(DecodePass.GLOBAL_HISTOGRAM);
        if (!huge && longSide >= MIN_SIDE_TO_HALVE) {
            plan.add(DecodePass.DOWNSCALED);
        }
        plan.add(DecodePass.LOCAL_CONTRAST);
        plan.add(DecodePass.SHARPENED);
        plan.add(DecodePass.REGION);
        if (boof) {
            plan.add(DecodePass.BOOFCV_SHARPENED);
            plan.add(DecodePass.BOOFCV_LOCAL_CONTRAST);
            plan.add(DecodePass.REGION);
            if (upscale) {
                plan.add(DecodePass.BOOFCV_UPSCALED);
            }
        }
        if (upscale) {
            plan.add(DecodePass.UPSCALED);
        }
        plan.add(DecodePass.INVERTED);
        plan.add(DecodePass.REGION);
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

    /** Where an image a detector works on lies in the frame: frame x = {@code x0 + x / scale}. */
    private record Placement(double x0, double y0, double scale) {
        static final Placement FRAME = new Placement(0, 0, 1);

        double x(double x) {
            return x0 + x / scale;
        }

        double y(double y) {
            return y0 + y / scale;
        }
    }

    /** Runs one pass; false when the budget ran out in the middle of it (region passes only). */
    private boolean run(DecodePass pass, Versions v, FrameReads reads, Budget budget) {
        Placement doubled = new Placement(0, 0, 2);
        switch (pass) {
            case HYBRID -> zxing(v.original, false, HybridBinarizer::new, pass, Placement.FRAME, reads);
            case DOWNSCALED -> zxing(LumaFilters.halve(v.original), false, HybridBinarizer::new, pass,
                    new Placement(0, 0, 0.5), reads);
            case GLOBAL_HISTOGRAM -> zxing(v.original, false, GlobalHistogramBinarizer::new, pass, Placement.FRAME, reads);
            case LOCAL_CONTRAST -> zxing(v.normalised(), false, HybridBinarizer::new, pass, Placement.FRAME, reads);
            case SHARPENED -> zxing(v.sharpened(), false, HybridBinarizer::new, pass, Placement.FRAME, reads);
            case UPSCALED -> {
                zxing(v.doubled(), false, HybridBinarizer::new, pass, doubled, reads);
                if (reads.isEmpty()) {
                    zxing(v.doubled(), false, GlobalHistogramBinarizer::new, pass, doubled, reads);
                }
            }
            case INVERTED -> zxing(v.original, true, HybridBinarizer::new, pass, Placement.FRAME, reads);
            case BOOFCV -> boofcv(boofcv.get(), v.original, pass, Placement.FRAME, reads, budget);
            case BOOFCV_FINE -> boofcv(boofcvFine.get(), v.original, pass, Placement.FRAME, reads, budget);
            case BOOFCV_SHARPENED -> boofcv(boofcv.get(), v.sharpened(), pass, Placement.FRAME, reads, budget);
            case BOOFCV_UPSCALED -> {
                boofcv(boofcv.get(), v.doubled(), pass, doubled, reads, budget);
                if (reads.isEmpty()) {
                    boofcv(boofcvFine.get(), v.doubled(), pass, doubled, reads, budget);
                }
            }
            case BOOFCV_LOCAL_CONTRAST -> boofcv(boofcv.get(), v.normalised(), pass, Placement.FRAME, reads, budget);
            case REGION -> {
                return regions(v.original, reads, budget, 0);
            }
            case DEBLURRED -> {
                return deblurredLargePatches(v.original, reads, budget);
            }
        }
        return true;
    }

    /** The region pass: each located, unread code cropped, enlarged and read again; false when the budget ran out. */
    private boolean regions(LumaImage frame, FrameReads reads, Budget budget, int minEvidence) {
        // one at a time, the best first: a code a detector locates inside a texture patch's crop (its
        // module size known now) goes before the next patch; the costlier deblurred reads of the
        // regions that showed motion blur come after the plain reads of every region
        List<Runnable> deblurs = new ArrayList<>();
        boolean[] spent = {false};
        for (int n = 0; n < MAX_REGIONS_PER_PASS; n++) {
            List<CodeRegion> best = reads.untried(1, minEvidence);
            if (best.isEmpty()) {
                break;
            }
            if (budget.spent()) {
                return false;
            }
            CodeRegion candidate = best.get(0);
            reads.markTried(candidate);
            if (!region(frame, candidate, reads, budget, deblurs, spent)) {
                return false;
            }
        }
        for (Runnable deblur : deblurs) {
            if (budget.spent()) {
                return false;
            }
            deblur.run();
            if (spent[0]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The {@link DecodePass#DEBLURRED} pass: the largest patches of code-like texture in coarse cells
     * ({@link TextureRegions#largePatches}) that the region pass has not tried, each cropped and
     * deblurred ({@link #deblurredRegion}); false when the budget ran out. A large code smeared by
     * several pixels of motion shows no finder pattern to any detector and no fine texture, but its
     * coarse texture stands out from the page.
     */
    private boolean deblurredLargePatches(LumaImage frame, FrameReads reads, Budget budget) {
        for (TextureRegions.Patch patch : TextureRegions.largePatches(frame, MAX_LARGE_PATCHES)) {
            CodeRegion box = patch.region();
            if (reads.wasTried(box)) {
                continue;
            }
            reads.markTried(box);
            double margin = 0.1 * Math.max(box.width(), box.height());
            int x0 = (int) Math.max(0, Math.floor(box.minX() - margin));
            int y0 = (int) Math.max(0, Math.floor(box.minY() - margin));
            int x1 = (int) Math.min(frame.width(), Math.ceil(box.maxX() + margin));
            int y1 = (int) Math.min(frame.height(), Math.ceil(box.maxY() + margin));
            if (!deblurredRegion(LumaFilters.crop(frame, x0, y0, x1 - x0, y1 - y0), 1, x0, y0, DecodePass.DEBLURRED, reads, budget)) {
                return false;
            }
            if (!reads.isEmpty()) {
                return true;
            }
        }
        return true;
    }

    /**
     * Reads one region: cropped with a margin, enlarged (bicubic) and read by BoofCV and ZXing as it
     * is, sharpened and normalised, then the same at a second enlargement; false when the budget ran out.
     */
    private boolean region(LumaImage frame, CodeRegion candidate, FrameReads reads, Budget budget) {
        return region(frame, candidate, reads, budget, null, new boolean[1]);
    }

    /**
     * As {@link #region(LumaImage, CodeRegion, FrameReads, Budget)}; when {@code deblurs} is not null,
     * the region's deblurred read is added to it for later instead of run now (it sets
     * {@code spent[0]} when the budget runs out during it).
     */
    private boolean region(LumaImage frame, CodeRegion candidate, FrameReads reads, Budget budget, List<Runnable> deblurs,
                           boolean[] spent) {
        double side = Math.max(candidate.width(), candidate.height());
        double margin = Double.isNaN(candidate.modulePx()) ? 0.1 * side : Math.max(5 * candidate.modulePx(), 0.1 * side);
        int x0 = (int) Math.max(0, Math.floor(candidate.minX() - margin));
        int y0 = (int) Math.max(0, Math.floor(candidate.minY() - margin));
        int x1 = (int) Math.min(frame.width(), Math.ceil(candidate.maxX() + margin));
        int y1 = (int) Math.min(frame.height(), Math.ceil(candidate.maxY() + margin));
        if (x1 - x0 < 16 || y1 - y0 < 16) {
            return true;
        }
        // modules of unknown size: the crop is enlarged to about 800 px, which gives a 2 px module 6 px or more
        int factor = Double.isNaN(candidate.modulePx()) ? UNKNOWN_MODULE_REGION_SIDE_PX / Math.max(x1 - x0, y1 - y0)
                : (int) Math.ceil(REGION_MODULE_PX / candidate.modulePx() - 0.25);
        factor = Math.max(1, Math.min(factor, Math.max(1, Math.min(MAX_REGION_FACTOR, MAX_REGION_SIDE_PX / Math.max(x1 - x0, y1 - y0)))));
        LumaImage crop = LumaFilters.crop(frame, x0, y0, x1 - x0, y1 - y0);
        int before = reads.count();
        // a second enlargement when the first fails: which one puts module edges where a binarizer
        // separates them best depends on where the modules fall on the pixel grid
        int largest = Math.max(1, Math.min(MAX_REGION_FACTOR, MAX_REGION_SIDE_PX / Math.max(x1 - x0, y1 - y0)));
        int second = factor >= 3 || factor == largest ? factor - 1 : factor + 1;
        int[] factors = second >= 1 ? new int[] {factor, second} : new int[] {factor};
        for (int f : factors) {
            LumaImage big = LumaFilters.enlarged(crop, f);
            Placement placement = new Placement(x0, y0, f);
            LumaImage sharpened = null;
            LumaImage normalised = null;
            for (int attempt = 0; attempt < REGION_ATTEMPTS; attempt++) {
                if (budget.spent()) {
                    return false;
                }
                switch (attempt) {
                    case 0 -> boofcv(boofcv.get(), big, DecodePass.REGION, placement, reads, budget);
                    case 1 -> boofcv(boofcvFine.get(), big, DecodePass.REGION, placement, reads, budget);
                    case 2 -> zxing(big, false, HybridBinarizer::new, DecodePass.REGION, placement, reads);
                    case 3 -> boofcv(boofcv.get(), sharpened = LumaFilters.sharpened(big), DecodePass.REGION, placement, reads, budget);
                    case 4 -> boofcv(boofcvFine.get(), sharpened, DecodePass.REGION, placement, reads, budget);
                    case 5 -> boofcv(boofcv.get(), normalised = LumaFilters.normaliseLocally(big), DecodePass.REGION,
                            placement, reads, budget);
                    case 6 -> zxing(normalised, false, HybridBinarizer::new, DecodePass.REGION, placement, reads);
                    default -> boofcv(boofcvFine.get(), normalised, DecodePass.REGION, placement, reads, budget);
                }
                if (reads.count() > before) {
                    return true;
                }
            }
        }
        int deblurFactor = factor;
        if (deblurs != null) {
            // skipped when a later region's read turned out to be this region's code
            deblurs.add(() -> spent[0] = !reads.isRead(candidate)
                    && !deblurredRegion(crop, deblurFactor, x0, y0, DecodePass.REGION, reads, budget));
            return true;
        }
        return deblurredRegion(crop, factor, x0, y0, DecodePass.REGION, reads, budget);
    }

    /**
     * The last try on a region: when its crop shows linear motion blur ({@link MotionDeblur}), the
     * crop deconvolved, enlarged and read by BoofCV (both thresholds) and ZXing, as it is and
     * normalised; false when the budget ran out. A crop longer than {@link #MAX_DEBLUR_SIDE_PX} (a
     * large code, whose modules and blur are many pixels long) is halved first and enlarged twice as
     * much after: deconvolution costs the crop's area times the blur's length, and a halved large
     * code keeps modules of three pixels or more.
     */
    private boolean deblurredRegion(LumaImage frameCrop, int frameFactor, int x0, int y0, DecodePass pass, FrameReads reads,
                                    Budget budget) {
        if (budget.spent()) {
            return false;
        }
        LumaImage crop = frameCrop;
        int factor = frameFactor;
        double scale = 1;
        while (Math.max(crop.width(), crop.height()) > MAX_DEBLUR_SIDE_PX) {
            crop = LumaFilters.halve(crop);
            scale /= 2;
            factor = Math.min(MAX_REGION_FACTOR, factor * 2);
        }
        Placement placement = new Placement(x0, y0, scale * factor);
        MotionDeblur.Blur blur = MotionDeblur.estimate(crop);
        if (blur == null) {
            return true;
        }
        LumaImage big = LumaFilters.enlarged(MotionDeblur.deblurred(crop, blur), factor);
        int before = reads.count();
        for (int attempt = 0; attempt < DEBLURRED_ATTEMPTS; attempt++) {
            if (budget.spent()) {
                return false;
            }
            switch (attempt) {
                case 0 -> boofcv(boofcv.get(), big, pass, placement, reads, budget);
                case 1 -> boofcv(boofcvFine.get(), big, pass, placement, reads, budget);
                case 2 -> zxing(big, false, HybridBinarizer::new, pass, placement, reads);
                default -> boofcv(boofcv.get(), LumaFilters.normaliseLocally(big), pass, placement, reads, budget);
            }
            if (reads.count() > before) {
                return true;
            }
        }
        return true;
    }

    private static LuminanceSource source(LumaImage image) {
        return new PlanarYUVLuminanceSource(image.pixels(), image.width(), image.height(), 0, 0, image.width(),
                image.height(), false);
    }

    /**
     * ZXing: every code its multi-code detector locates, and when that reads none, the code its
     * single-code detector locates; located codes that do not decode become candidate regions.
     */
    private static void zxing(LumaImage image, boolean inverted, Function<LuminanceSource, Binarizer> binarizer,
                              DecodePass pass, Placement placement, FrameReads reads) {
        LuminanceSource source = inverted ? source(image).invert() : source(image);
        // module-by-module resampling reads dark on light only
        LumaImage plain = inverted ? null : image;
        BitMatrix matrix;
        try {
            matrix = new BinaryBitmap(binarizer.apply(source)).getBlackMatrix();
        } catch (NotFoundException e) {
            // the binarizer found no contrast at all: nothing to read in this pass
            return;
        }
        Decoder decoder = new Decoder();
        int before = reads.count();
        DetectorResult[] located;
        try {
            located = new MultiDetector(matrix).detectMulti(HINTS);
        } catch (NotFoundException e) {
            // no three finder patterns fit together: the single-code detector below tries harder
            located = new DetectorResult[0];
        }
        for (DetectorResult result : located) {
            zxingDecode(decoder, plain, result, pass, placement, reads);
        }
        if (reads.count() > before) {
            return;
        }
        try {
            zxingDecode(decoder, plain, new Detector(matrix).detect(HINTS), pass, placement, reads);
        } catch (NotFoundException | FormatException e) {
            // no code located in this pass: the pipeline goes on with the next one
        }
    }

    private static void zxingDecode(Decoder decoder, LumaImage image, DetectorResult located, DecodePass pass, Placement placement,
                                    FrameReads reads) {
        CodeRegion where = zxingRegion(located, placement, 1);
        try {
            String text = decoder.decode(located.getBits(), HINTS).getText();
            reads.add(text, pass, where, zxingOutline(text, located, placement));
        } catch (ChecksumException e) {
            // bits sampled but too many wrong: a real code, sampled again module by module, else worth a closer look
            String text = zxingRectified(image, located);
            if (text != null) {
                reads.add(text, pass, where, zxingOutline(text, located, placement));
            } else {
                propose(reads, zxingRegion(located, placement, 3));
            }
        } catch (FormatException e) {
            // format or version information unreadable: maybe a code, maybe three look-alikes
            propose(reads, zxingRegion(located, placement, 2));
        }
    }

    /**
     * ZXing located a code and sampled its bits with one threshold, and error correction failed:
     * the symbol's corners, from its three finder-pattern centres (3.5 modules in from the edges),
     * go to {@link RectifiedGrid}, which calls each module against its neighbourhood. Null when
     * that does not read it either, or when the image is not dark on light.
     */
    private static String zxingRectified(LumaImage image, DetectorResult located) {
        ResultPoint[] p = located.getPoints();
        int n = located.getBits().getWidth();
        if (image == null || p.length < 3 || n < 21) {
            return null;
        }
        // module steps along the top edge (top left -> top right) and down the left edge (top left -> bottom left)
        double ux = (p[2].getX() - p[1].getX()) / (n - 7);
        double uy = (p[2].getY() - p[1].getY()) / (n - 7);
        double vx = (p[0].getX() - p[1].getX()) / (n - 7);
        double vy = (p[0].getY() - p[1].getY()) / (n - 7);
        double ox = p[1].getX() - 3.5 * (ux + vx);
        double oy = p[1].getY() - 3.5 * (uy + vy);
        double[] xs = {ox, ox + n * ux, ox + n * (ux + vx), ox + n * vx};
        double[] ys = {oy, oy + n * uy, oy + n * (uy + vy), oy + n * vy};
        return RectifiedGrid.read(image, xs, ys, n, HINTS);
    }

    /** Where a code ZXing read lies, in frame pixels, from its three finder-pattern centres; null without them. */
    private static QrOutline zxingOutline(String text, DetectorResult located, Placement placement) {
        ResultPoint[] p = located.getPoints();
        int dimension = located.getBits().getWidth();
        if (text == null || p.length < 3 || p[0] == null || p[1] == null || p[2] == null) {
            return null;
        }
        double module = ResultPoint.distance(p[1], p[2]) / Math.max(1, dimension - 7) / placement.scale();
        return QrOutline.fromFinderCentres(text, framePoint(p[0], placement), framePoint(p[1], placement),
                framePoint(p[2], placement), module, 1.0);
    }

    private static QrOutline.Point framePoint(ResultPoint p, Placement placement) {
        return new QrOutline.Point(placement.x(p.getX()), placement.y(p.getY()));
    }

    /** Where a code BoofCV read lies, in frame pixels: its outline's four corners; null without them. */
    private static QrOutline boofcvOutline(String text, QrCode code, Placement placement) {
        if (text == null || code.bounds == null || code.bounds.size() != 4) {
            return null;
        }
        List<QrOutline.Point> corners = new ArrayList<>(4);
        for (int i = 0; i < 4; i++) {
            corners.add(new QrOutline.Point(placement.x(code.bounds.get(i).x), placement.y(code.bounds.get(i).y)));
        }
        return new QrOutline(text, corners);
    }

    private static void propose(FrameReads reads, CodeRegion candidate) {
        if (candidate != null) {
            reads.propose(candidate);
        }
    }

    /**
     * The box of a code ZXing located: its three finder-pattern centres (bottom left, top left, top
     * right) and the fourth corner they imply, widened by the 3.5 modules from a centre to the edge.
     */
    private static CodeRegion zxingRegion(DetectorResult located, Placement placement, int evidence) {
        ResultPoint[] p = located.getPoints();
        if (p.length < 3) {
            return null;
        }
        int dimension = located.getBits().getWidth();
        double module = ResultPoint.distance(p[1], p[2]) / Math.max(1, dimension - 7);
        double[] xs = {p[0].getX(), p[1].getX(), p[2].getX(), p[0].getX() + p[2].getX() - p[1].getX()};
        double[] ys = {p[0].getY(), p[1].getY(), p[2].getY(), p[0].getY() + p[2].getY() - p[1].getY()};
        return box(xs, ys, 3.5 * module, module, placement, evidence);
    }

    private void boofcv(QrCodeDetector<GrayU8> detector, LumaImage image, DecodePass pass, Placement placement,
                        FrameReads reads, Budget budget) {
        GrayU8 gray = new GrayU8();
        gray.data = image.pixels();
        gray.width = image.width();
        gray.height = image.height();
        gray.stride = image.width();
        gray.startIndex = 0;
        detector.process(gray);
        for (QrCode code : detector.getDetections()) {
            reads.add(code.message, pass, boofcvRegion(code, placement, 1), boofcvOutline(code.message, code, placement));
        }
        for (QrCode code : detector.getFailures()) {
            // re-reading a failure from its rectified grid costs 10-35 ms: not once the frame's budget is spent
            if (!budget.spent() && rectified(image, code, pass, placement, reads)) {
                continue;
            }
            int evidence = switch (code.failureCause) {
                case ERROR_CORRECTION, READING_BITS, ALIGNMENT -> 3;
                case FORMAT -> 2;
                default -> 0;
            };
            propose(reads, boofcvRegion(code, placement, evidence));
        }
    }

    /**
     * A code whose outline and version BoofCV read but whose format or bits failed: read again from
     * the rectified grid, with its corners refined by its function patterns when needed
     * ({@link RectifiedGrid#readRefined}); true when that read it.
     */
    private static boolean rectified(LumaImage image, QrCode code, DecodePass pass, Placement placement, FrameReads reads) {
        if (code.version < 1 || code.version > QrCode.MAX_VERSION || code.bounds == null || code.bounds.size() != 4
                || !(code.failureCause == QrCode.Failure.ERROR_CORRECTION || code.failureCause == QrCode.Failure.READING_BITS
                || code.failureCause == QrCode.Failure.FORMAT || code.failureCause == QrCode.Failure.ALIGNMENT)) {
            return false;
        }
        double[] xs = new double[4];
        double[] ys = new double[4];
        for (int i = 0; i < 4; i++) {
            xs[i] = code.bounds.get(i).x;
            ys[i] = code.bounds.get(i).y;
        }
        String text = RectifiedGrid.readRefined(image, xs, ys, code.version, HINTS);
        if (text == null) {
            return false;
        }
        reads.add(text, pass, boofcvRegion(code, placement, 3), boofcvOutline(text, code, placement));
        return true;
    }

    /** The box of a code BoofCV located: its outline, the module size from it or from a finder pattern. */
    private static CodeRegion boofcvRegion(QrCode code, Placement placement, int evidence) {
        Polygon2D_F64 bounds = code.bounds;
        if (bounds == null || bounds.size() < 3) {
            return null;
        }
        double[] xs = new double[bounds.size()];
        double[] ys = new double[bounds.size()];
        for (int i = 0; i < bounds.size(); i++) {
            Point2D_F64 corner = bounds.get(i);
            xs[i] = corner.x;
            ys[i] = corner.y;
        }
        double side = bounds.get(0).distance(bounds.get(1));
        double module;
        if (code.version >= 1 && code.version <= QrCode.MAX_VERSION) {
            module = side / QrCode.totalModules(code.version);
        } else if (code.ppCorner != null && code.ppCorner.size() >= 2) {
            module = code.ppCorner.get(0).distance(code.ppCorner.get(1)) / 7;
        } else {
            return null;
        }
        return box(xs, ys, 0, module, placement, evidence);
    }

    private static CodeRegion box(double[] xs, double[] ys, double widen, double module, Placement placement, int evidence) {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (int i = 0; i < xs.length; i++) {
            minX = Math.min(minX, xs[i]);
            maxX = Math.max(maxX, xs[i]);
            minY = Math.min(minY, ys[i]);
            maxY = Math.max(maxY, ys[i]);
        }
        double frameModule = module / placement.scale();
        if (!(maxX > minX) || !(maxY > minY) || !(frameModule > 0) || Double.isInfinite(frameModule)) {
            return null;
        }
        return new CodeRegion(placement.x(minX - widen), placement.y(minY - widen), placement.x(maxX + widen),
                placement.y(maxY + widen), frameModule, evidence);
    }
}
