package cn.cqs.client.batches;

import cn.cqs.client.rendering.ReportPdfRenderer;
import cn.cqs.client.rendering.ReportPrint;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The plant's printed documents, rendered with the shared JasperReports renderer (embedded font, QR
 * at a fixed size of at least 25 mm, "fit to page" off): the delivery ticket (发货单, one per truck)
 * and the QR label sheet of a batch. Both carry the batch's platform-signed QR code, so a batch
 * the server has not confirmed yet (no serial number) cannot be printed. No JavaFX.
 */
public final class PlantPrints {
    /** The compiled delivery ticket template. */
    public static final String TICKET_TEMPLATE = "/cn/cqs/client/batches/DeliveryTicket.jasper";
    /** The compiled label sheet template. */
    public static final String LABELS_TEMPLATE = "/cn/cqs/client/batches/BatchQrLabels.jasper";
    /** Labels on one sheet: three rows of three. */
    public static final int LABELS_PER_SHEET = 9;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Supplier<ReportPdfRenderer> renderer;
    private final String plantName;
    private final Clock clock;
    private final ZoneId zone;

    /**
     * @param renderer  the shared renderer (made on first use: loading templates takes a moment)
     * @param plantName the plant (供方), as printed
     */
    public PlantPrints(Supplier<ReportPdfRenderer> renderer, String plantName, Clock clock, ZoneId zone) {
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.plantName = Objects.requireNonNull(plantName, "plantName");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** The delivery ticket PDF of one truck. */
    public byte[] ticket(BatchRow batch, TicketInput t) {
        requireConfirmed(batch);
        Map<String, String> p = new LinkedHashMap<>();
        p.put("supplierName", plantName);
        p.put("ticketNumber", t.ticketNumber());
        p.put("contractNumber", text(batch.contractNumber()));
        p.put("buyer", batch.buyer());
        p.put("supplier", plantName);
        p.put("projectName", text(batch.projectName()));
        p.put("pourLocation", batch.pourLocation());
        p.put("marking", batch.marking());
        p.put("volume", t.volumeM3().stripTrailingZeros().toPlainString() + " m³");
        p.put("truckNumber", t.truckNumber());
        p.put("deliveryPlace", t.deliveryPlace());
        p.put("deliveryDate", DAY.format(t.departedAt().atZone(zone)));
        p.put("departedAt", TIME.format(t.departedAt().atZone(zone)));
        p.put("serialNumber", batch.serialNumber());
        p.put("plannedVolume", batch.volumeM3().stripTrailingZeros().toPlainString() + " m³");
        p.put("printedAt", TIME.format(clock.instant().atZone(zone)));
        return renderer.get().render(new Print(TICKET_TEMPLATE, "预拌混凝土发货单 " + t.ticketNumber(), t.ticketNumber(),
                text(batch.projectName()), batch.qrText(), p, List.of()));
    }

    /** The label sheet of a batch: {@code count} labels (1..{@value #LABELS_PER_SHEET} x 10). */
    public byte[] labels(BatchRow batch, int count) {
        requireConfirmed(batch);
        if (count < 1 || count > LABELS_PER_SHEET * 10) {
            throw new IllegalArgumentException("count: 1.." + LABELS_PER_SHEET * 10 + ", was " + count);
        }
        Map<String, String> p = new LinkedHashMap<>();
        p.put("supplierName", plantName);
        p.put("serialNumber", batch.serialNumber());
        p.put("marking", batch.marking());
        p.put("projectName", text(batch.projectName()));
        p.put("pourLocation", batch.pourLocation());
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            rows.add(Map.of("n", String.valueOf(i)));
        }
        return renderer.get().render(new Print(LABELS_TEMPLATE, "生产流水号二维码标签 " + batch.serialNumber(),
                batch.serialNumber(), text(batch.projectName()), batch.qrText(), p, rows));
    }

    private static void requireConfirmed(BatchRow batch) {
        Objects.requireNonNull(batch, "batch");
        if (batch.serialNumber() == null || batch.qrText() == null) {
            throw new IllegalStateException("batch " + batch.batchId() + " has no serial number yet: "
                    + "the server assigns it when the registration arrives");
        }
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private final class Print implements ReportPrint {
        private final String template;
        private final String title;
        private final String number;
        private final String project;
        private final String qr;
        private final Map<String, String> texts;
        private final List<Map<String, String>> rows;

        Print(String template, String title, String number, String project, String qr, Map<String, String> texts,
              List<Map<String, String>> rows) {
            this.template = template;
            this.title = title;
            this.number = number;
            this.project = project;
            this.qr = qr;
            this.texts = Map.copyOf(texts);
            this.rows = List.copyOf(rows);
        }

        @Override
        public String templateResource() {
            return template;
        }

        @Override
        public String documentTitle() {
            return title;
        }

        @Override
        public String labName() {
            return plantName;
        }

        @Override
        public String reportNumber() {
            return number;
        }

        @Override
        public String projectName() {
            return project;
        }

        @Override
        public String qrPayload() {
            return qr;
        }

        @Override
        public Map<String, String> textParameters() {
            return texts;
        }

        @Override
        public List<Map<String, String>> rows() {
            return rows;
        }
    }
}
