package cn.cqs.client.qrimage;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs the verify desk's continuous decoding off the UI thread: one worker thread takes frames
 * from a {@link FrameSource}, decodes each with the {@link DeskDecoder} and reports to a
 * {@link DeskScanListener}, with the codes not seen lately ({@link RecentCodes}) marked as new.
 * A live source (camera) should hand out its newest frame when asked, so a slow frame never
 * builds a backlog; give a live source a decoder with {@link DeskDecoderSettings#LIVE_CAMERA}, whose
 * tighter time budget keeps a frame's wait plus its own decoding under the desk's 300 ms. One
 * scanner runs one source once.
 */
public final class DeskScanner implements AutoCloseable {

    private final FrameSource source;
    private final DeskDecoder decoder;
    private final RecentCodes recent;
    private final DeskScanListener listener;
    private final CountDownLatch ended = new CountDownLatch(1);
    private final Thread worker;
    private volatile boolean stopping;

    private DeskScanner(FrameSource source, DeskDecoder decoder, RecentCodes recent, DeskScanListener listener) {
        this.source = Objects.requireNonNull(source, "source");
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.recent = Objects.requireNonNull(recent, "recent");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.worker = new Thread(this::run, "desk-decoder " + source.description());
        this.worker.setDaemon(true);
    }

    /** Starts decoding {@code source} on a new daemon thread. */
    public static DeskScanner start(FrameSource source, DeskDecoder decoder, RecentCodes recent, DeskScanListener listener) {
        DeskScanner scanner = new DeskScanner(source, decoder, recent, listener);
        scanner.worker.start();
        return scanner;
    }

    private void run() {
        Throwable failure = null;
        try {
            while (!stopping) {
                Optional<Frame> next;
                try {
                    next = source.next();
                } catch (UnreadableSourceException e) {
                    listener.onUnreadable(e);
                    continue;
                }
                if (next.isEmpty()) {
                    break;
                }
                Frame frame = next.get();
                DeskDecodeResult result = decoder.decode(frame.image());
                long now = System.nanoTime();
                listener.onScan(new DeskScan(frame.label(), frame.capturedAtNanos(), now, result,
                        recent.newCodes(result.codes(), now)));
            }
        } catch (InterruptedException e) {
            if (!stopping) {
                failure = e;
            }
        } catch (RuntimeException | Error e) {
            failure = e;
        } finally {
            try {
                source.close();
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
            try {
                listener.onEnd(failure);
            } finally {
                ended.countDown();
            }
        }
    }

    /** Asks the worker to stop after the current frame and closes the source. Does not wait. */
    public void stop() {
        stopping = true;
        worker.interrupt();
    }

    /** Waits until the worker has ended; true when it did within the timeout. */
    public boolean awaitEnd(long timeout, TimeUnit unit) throws InterruptedException {
        return ended.await(timeout, unit);
    }

    /** Stops and waits up to 5 seconds for the worker. */
    @Override
    public void close() throws InterruptedException {
        stop();
        if (!awaitEnd(5, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the desk's decoder thread did not stop within 5 s");
        }
    }
}
