package cn.cqs.client.qrimage;

import java.io.IOException;
import java.util.Optional;

/**
 * Where the verify desk gets its pictures (帧源): a webcam, an image file, the pages of a PDF, a
 * folder of images and PDFs, or frames pushed by code ({@link SyntheticFrameSource}). The desk's
 * {@link DeskScanner} pulls frames one by one and decodes each with the same {@link DeskDecoder}.
 *
 * <p>{@link #next()} may block until a frame is available (a camera, a synthetic source); it
 * returns empty when the source has no more frames (end of the files, source closed). A source is
 * used by one thread at a time; {@link #close()} may be called from another thread to end a
 * blocking wait.
 */
public interface FrameSource extends AutoCloseable {

    /**
     * The next frame, or empty when the source is exhausted or closed.
     *
     * @throws UnreadableSourceException when the current file or page cannot be read (the source
     *                                   stays usable: the next call moves on to the next one)
     * @throws InterruptedException      when the waiting thread is interrupted
     */
    Optional<Frame> next() throws UnreadableSourceException, InterruptedException;

    /** A short description for messages, e.g. the file or folder name. */
    String description();

    @Override
    void close() throws IOException;
}
