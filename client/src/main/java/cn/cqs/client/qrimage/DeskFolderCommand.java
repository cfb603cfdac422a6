package cn.cqs.client.qrimage;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The headless folder check (批量识读): decodes every image and PDF directly inside a folder with
 * the verify desk's pipeline ({@link DeskDecoder}, default settings) and prints one line per file,
 * tab-separated:
 *
 * <pre>file name TAB decoded text (or NONE) TAB milliseconds</pre>
 *
 * <p>A file with several codes (a foreign one beside the system's, or a PDF with codes on several
 * pages) lists each distinct text in its own column before the milliseconds. In texts, a newline
 * is written {@code \n}, a carriage return {@code \r}, a tab {@code \t} and a backslash
 * {@code \\}, so every file is exactly one line. A file that cannot be read prints NONE and its
 * reason goes to standard error. Exit code 0, or 2 when the folder is missing or the arguments are
 * wrong.
 */
public final class DeskFolderCommand {

    /** What a file without any readable code prints in place of the text. */
    public static final String NONE = "NONE";

    private DeskFolderCommand() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        int status = run(args, new DeskDecoder(), out, err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs the command; returns the exit code. */
    static int run(String[] args, DeskDecoder decoder, PrintStream out, PrintStream err) {
        if (args.length != 1 || args[0].isBlank()) {
            err.println("usage: DeskFolderCommand <folder>   (decodes every image and PDF in the folder)");
            return 2;
        }
        Path folder = Path.of(args[0]);
        List<Path> files;
        try {
            files = FolderSource.listFiles(folder);
        } catch (UnreadableSourceException e) {
            err.println(e.getMessage());
            return 2;
        }
        for (Path file : files) {
            long start = System.nanoTime();
            Set<String> texts = new LinkedHashSet<>();
            try (FrameSource source = sourceOf(file)) {
                Optional<Frame> frame;
                while ((frame = source.next()).isPresent()) {
                    texts.addAll(decoder.decode(frame.get().image()).texts());
                }
            } catch (UnreadableSourceException e) {
                err.println(e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                err.println("interrupted at " + file);
                return 130;
            } catch (java.io.IOException e) {
                err.println(file + ": " + e.getMessage());
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            out.println(line(String.valueOf(file.getFileName()), new ArrayList<>(texts), millis));
        }
        return 0;
    }

    private static FrameSource sourceOf(Path file) throws UnreadableSourceException {
        return ScanFiles.isPdf(file) ? new PdfPageSource(file) : new ImageFileSource(file);
    }

    /** One output line: name, each text escaped (or NONE), milliseconds, separated by tabs. */
    static String line(String fileName, List<String> texts, long millis) {
        StringBuilder line = new StringBuilder(escape(fileName));
        if (texts.isEmpty()) {
            line.append('\t').append(NONE);
        }
        for (String text : texts) {
            line.append('\t').append(escape(text));
        }
        return line.append('\t').append(millis).toString();
    }

    /** Escapes backslash, newline, carriage return and tab so a text stays on one line, in one column. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
