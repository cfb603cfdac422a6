package cn.cqs.client.bench;

import cn.cqs.client.bench.DeskFrameGenerator.DeskFrame;
import cn.cqs.client.bench.DeskFrameGenerator.SizeClass;
import cn.cqs.client.qrimage.DecodePass;
import cn.cqs.client.qrimage.DecodedQr;
import cn.cqs.client.qrimage.DeskDecodeResult;
import cn.cqs.client.qrimage.DeskDecoder;
import cn.cqs.client.qrimage.DeskDecoderSettings;
import cn.cqs.client.qrimage.DeskScan;
import cn.cqs.client.qrimage.DeskScanner;
import cn.cqs.client.qrimage.Frame;
import cn.cqs.client.qrimage.LumaImage;
import cn.cqs.client.qrimage.RecentCodes;
import cn.cqs.client.qrimage.SyntheticFrameSource;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Benchmark of the verify desk's decoding (not a test; {@code ./mvnw -B -q -Pbench-desk -pl client -am
 * test-compile}, see README): the {@link DeskDecoder} pipeline against plain ZXing with default
 * hints, one thread, on
 * <ol>
 *   <li>the generated camera frames of {@link DeskFrameGenerator} (a real report page, 1280x720 and
 *   1920x1080), by resolution and size class;</li>
 *   <li>ZXing's 179 real QR photos ({@code shared/datasets/zxing-qrcode-blackbox}), upright and
 *   over four rotations;</li>
 *   <li>the latency from a frame pushed into a {@link SyntheticFrameSource} to the
 *   {@link DeskScanner}'s result callback.</li>
 * </ol>
 * Options: {@code --frames=320 --seed=20261124 --latency-frames=60 --blackbox=<folder or none> --dump=<folder for the frames as PNG>}.
 */
public final class DeskBenchmark {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final int WARMUP_FRAMES = 24;

    private DeskBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchArgs options = new BenchArgs(args, Set.of("frames", "seed", "latency-frames", "blackbox", "dump"));
        int frames = options.intOption("frames", 320, 1, 100_000);
        int seed = options.intOption("seed", 20261124, 0, Integer.MAX_VALUE);
        int latencyFrames = options.intOption("latency-frames", 60, 0, 10_000);
        String blackboxOption = options.stringOption("blackbox");
        Path blackbox = "none".equals(blackboxOption) ? null : blackboxOption != null ? Path.of(blackboxOption) : findBlackbox();
        Path dump = options.stringOption("dump") != null ? Path.of(options.stringOption("dump")) : null;
        CPU.setThreadCpuTimeEnabled(true);

        long t0 = System.nanoTime();
        DeskPage page = DeskPages.reportPage();
        DeskPage twoCodes = DeskPages.withForeignCode(page);
        DeskFrameGenerator generator = new DeskFrameGenerator(page, twoCodes, seed);
        DeskDecoder desk = new DeskDecoder();
        System.out.printf(Locale.ROOT, "Verify desk decoding benchmark: %d generated frames (seed %d), one thread%n", frames, seed);
        System.out.println("JVM: " + System.getProperty("java.vm.name") + " " + Runtime.version() + ", "
                + Runtime.getRuntime().availableProcessors() + " CPUs; load average at start: " + ReportIssueBenchmark.loadAverage());
        System.out.printf(Locale.ROOT, "Report page rendered at %d dpi in %.1f s; its code: version %d, level Q, %d characters%n",
                DeskPages.PAGE_DPI, (System.nanoTime() - t0) / 1e9, (page.symbolModules() - 17) / 4, page.text().length());
        System.out.println("Pipeline settings (generated frames, blackbox photos; the folder command's): " + desk.settings());
        System.out.println("Pipeline settings (latency through a live-camera source): " + DeskDecoderSettings.LIVE_CAMERA);

        for (int i = 0; i < Math.min(WARMUP_FRAMES, frames); i++) {
            DeskFrame frame = generator.frame(frames + i);
            desk.decode(frame.image());
            plainZxing(frame.image());
        }

        Map<String, DecodeTally[]> groups = new LinkedHashMap<>();
        Map<DecodePass, Integer> passes = new EnumMap<>(DecodePass.class);
        int foreignFrames = 0;
        int foreignFound = 0;
        int budgetCuts = 0;
        List<String> misses = new ArrayList<>();
        for (int i = 0; i < frames; i++) {
            DeskFrame frame = generator.frame(i);
            if (dump != null) {
                Files.createDirectories(dump);
                ImageIO.write(frame.image(), "png", dump.resolve(String.format(Locale.ROOT, "frame-%04d.png", i)).toFile());
            }
            long c0 = CPU.getCurrentThreadCpuTime();
            long w0 = System.nanoTime();
            DeskDecodeResult result = desk.decode(frame.image());
            long w1 = System.nanoTime();
            long c1 = CPU.getCurrentThreadCpuTime();
            boolean zxingOk = frame.expected().equals(plainZxing(frame.image()));
            long w2 = System.nanoTime();
            long c2 = CPU.getCurrentThreadCpuTime();
            boolean ok = result.texts().contains(frame.expected());
            String res = frame.image().getWidth() + "x" + frame.image().getHeight();
            for (String key : List.of(res + " " + frame.size(), res + " all", "all frames")) {
                DecodeTally[] tallies = groups.computeIfAbsent(key, k -> new DecodeTally[] {new DecodeTally(), new DecodeTally()});
                tallies[0].add(ok, w1 - w0, c1 - c0);
                tallies[1].add(zxingOk, w2 - w1, c2 - c1);
            }
            if (frame.foreign() != null) {
                foreignFrames++;
                if (result.texts().contains(frame.foreign())) {
                    foreignFound++;
                }
            }
            if (result.budgetExceeded()) {
                budgetCuts++;
            }
            for (DecodedQr code : result.codes()) {
                if (code.text().equals(frame.expected())) {
                    passes.merge(code.pass(), 1, Integer::sum);
                }
            }
            if (!ok) {
                misses.add("  frame " + i + ": " + frame.conditions());
            }
        }
        System.out.println();
        System.out.println("Generated frames (ms per frame: wall median / p95, thread CPU median / p95):");
        System.out.printf(Locale.ROOT, "%-22s | %-20s %-40s | %-20s %s%n", "group", "desk pipeline", "ms", "plain ZXing", "ms");
        List<String> keys = new ArrayList<>(groups.keySet());
        keys.sort((a, b) -> order(a) - order(b));
        for (String key : keys) {
            DecodeTally[] t = groups.get(key);
            System.out.printf(Locale.ROOT, "%-22s | %-20s %-40s | %-20s %s%n", key, t[0].rate(), t[0].times(), t[1].rate(), t[1].times());
        }
        System.out.printf(Locale.ROOT, "Foreign second code also read on %d of %d two-code frames; time budget cut %d frames%n",
                foreignFound, foreignFrames, budgetCuts);
        System.out.println("Pass that read the report's code: " + passes);
        if (!misses.isEmpty()) {
            System.out.println("Frames the pipeline missed:");
            misses.forEach(System.out::println);
        }

        if (blackbox != null) {
            blackbox(blackbox, desk);
        } else {
            System.out.println();
            System.out.println("ZXing blackbox photos not found (pass --blackbox=<folder>): skipped");
        }
        if (latencyFrames > 0) {
            latency(generator, new DeskDecoder(DeskDecoderSettings.LIVE_CAMERA), latencyFrames);
        }
        System.out.println();
        System.out.println("Load average at end: " + ReportIssueBenchmark.loadAverage());
    }

    private static int order(String key) {
        int res = key.startsWith("1280") ? 0 : key.startsWith("1920") ? 100 : 200;
        for (SizeClass size : SizeClass.values()) {
            if (key.endsWith(size.name())) {
                return res + size.ordinal();
            }
        }
        return res + 50;
    }

    /** ZXing as it comes: MultiFormatReader, HybridBinarizer, no hints. The text, or null. */
    public static String plainZxing(BufferedImage image) {
        try {
            return new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
                    .getText();
        } catch (ReaderException e) {
            return null;
        }
    }

    private static String plainZxing(LumaImage image) {
        try {
            return new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(new PlanarYUVLuminanceSource(
                    image.pixels(), image.width(), image.height(), 0, 0, image.width(), image.height(), false)))).getText();
        } catch (ReaderException e) {
            return null;
        }
    }

    /** ZXing's photo set: every image upright and turned by 90, 180, 270 degrees. */
    private static void blackbox(Path root, DeskDecoder desk) throws IOException {
        List<Path> images;
        try (Stream<Path> files = Files.walk(root)) {
            images = files.filter(p -> p.toString().endsWith(".png") || p.toString().endsWith(".jpg"))
                    .filter(p -> Files.isRegularFile(Path.of(p.toString().replaceAll("\\.(png|jpg)$", ".txt"))))
                    .sorted().toList();
        }
        DecodeTally[] deskByRotation = new DecodeTally[4];
        DecodeTally[] zxingByRotation = new DecodeTally[4];
        for (int r = 0; r < 4; r++) {
            deskByRotation[r] = new DecodeTally();
            zxingByRotation[r] = new DecodeTally();
        }
        Map<DecodePass, Integer> passes = new EnumMap<>(DecodePass.class);
        List<String> uprightMisses = new ArrayList<>();
        for (Path file : images) {
            String expected = Files.readString(Path.of(file.toString().replaceAll("\\.(png|jpg)$", ".txt")), StandardCharsets.UTF_8);
            BufferedImage read = ImageIO.read(file.toFile());
            if (read == null) {
                throw new IOException(file + ": not an image ImageIO can read");
            }
            LumaImage upright = LumaImage.of(read);
            for (int r = 0; r < 4; r++) {
                LumaImage image = rotate(upright, r);
                long c0 = CPU.getCurrentThreadCpuTime();
                long w0 = System.nanoTime();
                DeskDecodeResult result = desk.decode(image);
                long w1 = System.nanoTime();
                long c1 = CPU.getCurrentThreadCpuTime();
                String zxing = plainZxing(image);
                long w2 = System.nanoTime();
                long c2 = CPU.getCurrentThreadCpuTime();
                boolean ok = result.texts().contains(expected);
                deskByRotation[r].add(ok, w1 - w0, c1 - c0);
                zxingByRotation[r].add(expected.equals(zxing), w2 - w1, c2 - c1);
                for (DecodedQr code : result.codes()) {
                    if (code.text().equals(expected)) {
                        passes.merge(code.pass(), 1, Integer::sum);
                    }
                }
                if (r == 0 && !ok) {
                    uprightMisses.add(root.relativize(file).toString());
                }
            }
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "ZXing blackbox photos (%s, %d images; ZXing's own tests demand 157 upright, 611 over four rotations)%n",
                root, images.size());
        System.out.printf(Locale.ROOT, "%-22s | %-20s %-40s | %-20s %s%n", "rotation", "desk pipeline", "ms", "plain ZXing", "ms");
        int deskAll = 0;
        int zxingAll = 0;
        for (int r = 0; r < 4; r++) {
            System.out.printf(Locale.ROOT, "%-22s | %-20s %-40s | %-20s %s%n", (r * 90) + " deg", deskByRotation[r].rate(),
                    deskByRotation[r].times(), zxingByRotation[r].rate(), zxingByRotation[r].times());
            deskAll += deskByRotation[r].decoded();
            zxingAll += zxingByRotation[r].decoded();
        }
        System.out.printf(Locale.ROOT, "%-22s | %-20s %-40s | %-20s%n", "all four rotations", deskAll + "/" + (4 * images.size()), "",
                zxingAll + "/" + (4 * images.size()));
        System.out.println("Pass that read the expected text: " + passes);
        System.out.println("Upright photos the pipeline missed: " + uprightMisses);
    }

    /** {@code image} turned clockwise by {@code quarter} * 90 degrees. */
    public static LumaImage rotate(LumaImage image, int quarter) {
        if (quarter % 4 == 0) {
            return image;
        }
        int w = image.width();
        int h = image.height();
        boolean swap = quarter % 2 == 1;
        int ow = swap ? h : w;
        int oh = swap ? w : h;
        byte[] src = image.pixels();
        byte[] out = new byte[src.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int nx;
                int ny;
                switch (quarter % 4) {
                    case 1 -> { nx = h - 1 - y; ny = x; }
                    case 2 -> { nx = w - 1 - x; ny = h - 1 - y; }
                    default -> { nx = y; ny = w - 1 - x; }
                }
                out[ny * ow + nx] = src[y * w + x];
            }
        }
        return new LumaImage(ow, oh, out);
    }

    /**
     * Frames pushed at 10 per second into a synthetic source that, like a webcam, hands the decoder
     * the newest frame; time from the push to the scanner's callback, and frames dropped because a
     * newer one arrived while the decoder was busy.
     */
    private static void latency(DeskFrameGenerator generator, DeskDecoder desk, int count) throws InterruptedException {
        Map<String, String> expected = new LinkedHashMap<>();
        List<DeskFrame> frames = new ArrayList<>();
        for (int i = 0; frames.size() < count; i++) {
            DeskFrame frame = generator.frame(50_000 + i);
            if (frame.image().getWidth() == 1280) {
                frames.add(frame);
                expected.put("frame " + frame.index(), frame.expected());
            }
        }
        SyntheticFrameSource source = SyntheticFrameSource.liveCamera("latency benchmark");
        List<DeskScan> scans = new CopyOnWriteArrayList<>();
        DeskScanner scanner = DeskScanner.start(source, desk, new RecentCodes(), scans::add);
        for (DeskFrame frame : frames) {
            source.push(Frame.of(frame.image(), "frame " + frame.index()));
            Thread.sleep(100);
        }
        source.close();
        if (!scanner.awaitEnd(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the scanner did not finish within 60 s");
        }
        DecodeTally tally = new DecodeTally();
        for (DeskScan scan : scans) {
            tally.add(scan.result().texts().contains(expected.get(scan.frameLabel())), scan.deliveredAtNanos() - scan.capturedAtNanos(), 0);
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "Latency, frame pushed into a live-camera synthetic source -> result callback (%d 1280x720 frames"
                + " pushed at 10/s, LIVE_CAMERA settings, %d decoded, %d dropped for a newer one): median %.1f ms, p95 %.1f ms, max %.1f ms;"
                + " read %s of the decoded%n", frames.size(), scans.size(), source.droppedFrames(), tally.wallPercentile(50),
                tally.wallPercentile(95), tally.wallPercentile(100), tally.rate());
    }

    /** The ZXing photo set: {@code shared/datasets/zxing-qrcode-blackbox} in the working folder or a folder above it. */
    private static Path findBlackbox() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("datasets").resolve("zxing-qrcode-blackbox");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
