package cn.cqs.client.qrimage;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * One image file (PNG, JPEG or any format ImageIO reads) as a source of a single frame, e.g. a
 * photo of a paper report someone sent in. The file is read when the frame is asked for.
 */
public final class ImageFileSource implements FrameSource {

    private final Path file;
    private boolean delivered;

    public ImageFileSource(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    @Override
    public Optional<Frame> next() throws UnreadableSourceException {
        if (delivered) {
            return Optional.empty();
        }
        delivered = true;
        return Optional.of(read(file));
    }

    /** Reads one image file as a frame labelled with the file name. */
    static Frame read(Path file) throws UnreadableSourceException {
        if (!Files.isRegularFile(file)) {
            throw new UnreadableSourceException(file + ": no such file");
        }
        long start = System.nanoTime();
        BufferedImage image = ScanFiles.readImage(file);
        return new Frame(LumaImage.of(image), start, String.valueOf(file.getFileName()));
    }

    @Override
    public String description() {
        return file.toString();
    }

    @Override
    public void close() {
        delivered = true;
    }
}
