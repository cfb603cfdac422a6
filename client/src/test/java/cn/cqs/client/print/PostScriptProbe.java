package cn.cqs.client.print;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Optional;
import javax.print.DocFlavor;
import javax.print.StreamPrintService;
import javax.print.StreamPrintServiceFactory;

/** A "printer" that writes PostScript into memory: the real javax.print path, without a printer. */
public final class PostScriptProbe {
    public final ByteArrayOutputStream out = new ByteArrayOutputStream();
    public final StreamPrintService service;

    public PostScriptProbe() {
        StreamPrintServiceFactory[] factories = StreamPrintServiceFactory.lookupStreamPrintServiceFactories(
                DocFlavor.SERVICE_FORMATTED.PAGEABLE, "application/postscript");
        if (factories.length == 0) {
            throw new IllegalStateException("This Java runtime has no PostScript stream print service");
        }
        service = factories[0].getPrintService(out);
    }

    public JavaxReportPrinter printer() {
        return new JavaxReportPrinter(() -> List.of(service), () -> Optional.of(service.getName()));
    }

    public String postScript() {
        return out.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
