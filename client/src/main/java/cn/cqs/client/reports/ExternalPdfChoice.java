package cn.cqs.client.reports;

import cn.cqs.client.dialogs.DialogService;
import cn.cqs.client.i18n.Localization;
import cn.cqs.client.rendering.ExternalPdfRefusedException;
import cn.cqs.client.rendering.StampPlacement;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * 用外部 PDF 签发: the PDF a lab produced in its own software and where its QR code goes, as the user
 * chose them through the dialog service (a file chooser, then one of eight placements: last or first
 * page, each corner, {@link StampPlacement#DEFAULT_MARGIN_MM} from the edges). Shared by the report
 * form and the approval queue. No JavaFX.
 *
 * @param file      the PDF file
 * @param placement where the QR code goes
 */
public record ExternalPdfChoice(Path file, StampPlacement placement) {

    public ExternalPdfChoice {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(placement, "placement");
    }

    /** Asks for the file, then the placement; empty when the user cancelled either. */
    public static Optional<ExternalPdfChoice> ask(DialogService dialogs) {
        String title = Localization.get("reports.external.title");
        Optional<Path> file = dialogs.chooseFileToOpen(title, Optional.empty(),
                List.of(new DialogService.FileFilter("PDF", List.of("*.pdf", "*.PDF"))));
        if (file.isEmpty()) {
            return Optional.empty();
        }
        Map<String, StampPlacement> placements = placements();
        List<String> labels = List.copyOf(placements.keySet());
        return dialogs.choose(title, Localization.get("reports.external.placement.question",
                        StampPlacement.DEFAULT_MARGIN_MM.toPlainString()), labels, labels.get(0))
                .map(label -> new ExternalPdfChoice(file.get(), placements.get(label)));
    }

    /** The eight placements offered, by localised label, the usual one (last page, bottom right) first. */
    static Map<String, StampPlacement> placements() {
        Map<String, StampPlacement> placements = new LinkedHashMap<>();
        for (StampPlacement.Page page : List.of(StampPlacement.Page.LAST, StampPlacement.Page.FIRST)) {
            for (StampPlacement.Corner corner : List.of(StampPlacement.Corner.BOTTOM_RIGHT, StampPlacement.Corner.BOTTOM_LEFT,
                    StampPlacement.Corner.TOP_RIGHT, StampPlacement.Corner.TOP_LEFT)) {
                placements.put(Localization.get("reports.external.placement", Localization.get("reports.external.page." + page),
                        Localization.get("reports.external.corner." + corner)), StampPlacement.of(page, corner));
            }
        }
        return placements;
    }

    /** The localised reason a PDF was refused ({@code reports.external.error.<code>}, with the details). */
    public static String refusalMessage(ExternalPdfRefusedException refused) {
        return Localization.get("reports.external.error." + refused.code(), refused.error().message());
    }
}
