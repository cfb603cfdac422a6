package cn.cqs.client.rendering;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;

/**
 * Build-time step (not used by the running client): compiles every {@code .jrxml} under a source
 * folder to a {@code .jasper} at the same relative path under an output folder. Compiling needs a
 * Java compiler (the JDK's {@code javax.tools}); the client's runtime image has none, so the
 * client only ever loads the compiled templates. Run by Maven in {@code process-classes} (see
 * client/pom.xml). Templates whose {@code .jasper} is newer than the {@code .jrxml} are skipped.
 *
 * <p>Usage: {@code TemplateCompiler <jrxml source folder> <output folder>}
 */
public final class TemplateCompiler {

    private TemplateCompiler() {
    }

    public static void main(String[] args) throws IOException, JRException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: TemplateCompiler <jrxml source folder> <output folder>");
        }
        Path sources = Path.of(args[0]);
        Path output = Path.of(args[1]);
        if (!Files.isDirectory(sources)) {
            throw new IllegalArgumentException("jrxml source folder " + sources + ": not a folder");
        }
        List<Path> templates;
        try (Stream<Path> walk = Files.walk(sources)) {
            templates = walk.filter(p -> p.getFileName().toString().endsWith(".jrxml")).sorted().toList();
        }
        if (templates.isEmpty()) {
            throw new IllegalArgumentException("jrxml source folder " + sources + ": contains no .jrxml file");
        }
        for (Path template : templates) {
            String relative = sources.relativize(template).toString();
            Path compiled = output.resolve(relative.substring(0, relative.length() - ".jrxml".length()) + ".jasper");
            if (Files.exists(compiled)
                    && Files.getLastModifiedTime(compiled).compareTo(Files.getLastModifiedTime(template)) > 0) {
                continue;
            }
            Files.createDirectories(compiled.getParent());
            JasperCompileManager.compileReportToFile(template.toString(), compiled.toString());
            System.out.println("compiled " + relative + " -> " + compiled);
        }
    }
}
