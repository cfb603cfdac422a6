package cn.cqs.client.verify;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.Clip;
import javax.sound.sampled.LineEvent;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * 识读提示音: the short beep the desk plays when the camera reads a new code. The sound is a
 * 120 ms, 1 kHz tone made in code (a WAV, no resource file), played on its own daemon thread so
 * neither the decoder nor the UI waits for the sound card. A computer without audio (a server, a
 * headless test run, no sound device) is told once in the log; the desk goes on without the beep.
 */
public final class ConfirmationSound {
    private static final Logger LOG = Logger.getLogger(ConfirmationSound.class.getName());
    private static final float SAMPLE_RATE = 44_100f;
    private static final double FREQUENCY_HZ = 1_000;
    private static final double DURATION_S = 0.12;
    private static final double FADE_S = 0.008;

    private final byte[] wav = wav();
    private final AtomicBoolean unavailable = new AtomicBoolean();
    private final AtomicInteger requested = new AtomicInteger();
    private final ExecutorService player = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "desk-beep");
        t.setDaemon(true);
        return t;
    });

    /** Plays the beep without waiting; does nothing once audio turned out to be unavailable. */
    public void play() {
        requested.incrementAndGet();
        if (unavailable.get()) {
            return;
        }
        player.execute(this::playNow);
    }

    /** How often {@link #play()} was asked for (a code confirmed), whether or not audio exists. */
    public int requests() {
        return requested.get();
    }

    /** False once playing failed (no audio on this computer). */
    public boolean available() {
        return !unavailable.get();
    }

    /** The beep as a WAV file: 16-bit mono PCM, faded in and out so it does not click. */
    public static byte[] wav() {
        int samples = (int) (SAMPLE_RATE * DURATION_S);
        int fade = (int) (SAMPLE_RATE * FADE_S);
        byte[] pcm = new byte[samples * 2];
        for (int i = 0; i < samples; i++) {
            double envelope = Math.min(1.0, Math.min(i, samples - 1 - i) / (double) fade);
            short value = (short) (Math.sin(2 * Math.PI * FREQUENCY_HZ * i / SAMPLE_RATE) * envelope * 0.5 * Short.MAX_VALUE);
            pcm[2 * i] = (byte) value;
            pcm[2 * i + 1] = (byte) (value >> 8);
        }
        AudioFormat format = new AudioFormat(SAMPLE_RATE, 16, 1, true, false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm), format, samples)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing the confirmation beep failed", e);
        }
        return out.toByteArray();
    }

    private void playNow() {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav))) {
            Clip clip = AudioSystem.getClip();
            clip.addLineListener(event -> {
                if (event.getType() == LineEvent.Type.STOP) {
                    clip.close();
                }
            });
            clip.open(in);
            clip.start();
        } catch (LineUnavailableException | UnsupportedAudioFileException | IOException | IllegalArgumentException
                 | IllegalStateException | SecurityException e) {
            if (unavailable.compareAndSet(false, true)) {
                LOG.log(Level.INFO, "no audio on this computer: the verify desk confirms codes without a sound ("
                        + e + ")");
            }
        }
    }
}
