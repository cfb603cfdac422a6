package cn.cqs.client.verify;

import cn.cqs.client.i18n.Localization;
import cn.cqs.contract.reports.ReportStatus;
import cn.cqs.contract.verify.VerificationResponse.PublicReport;
import cn.cqs.contract.verify.VerifyOutcome;
import cn.cqs.contract.batches.NotificationState;
import cn.cqs.contract.verify.VerificationResponse.PublicBatch;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds the side-by-side rows for a verdict: the paper's claims beside the system's record, with
 * differences marked. The code carries the issuer, the document number, the issue time and the key
 * id; the record adds the public fields a person compares with the printed report.
 */
public final class ClaimsComparison {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ZoneId zone;

    /** @param zone the desk's time zone, for showing instants */
    public ClaimsComparison(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    public List<ComparisonRow> rows(CodeVerdict verdict) {
        if (verdict.isBatch()) {
            return batchRows(verdict);
        }
        PaperClaims paper = verdict.claims();
        PublicReport record = verdict.record();
        List<ComparisonRow> rows = new ArrayList<>();
        if (paper == null && record == null) {
            if (verdict.keyId() != null) {
                rows.add(new ComparisonRow(label("keyId"), verdict.keyId(), "", ComparisonRow.State.PAPER_ONLY));
            }
            return rows;
        }
        boolean keyFieldsChanged = verdict.outcome() == VerifyOutcome.DIGEST_MISMATCH;
        rows.add(compared("issuerName", paper == null ? null : paper.issuerName(),
                record == null ? null : record.issuerName()));
        rows.add(compared("issuerUscc", paper == null ? null : paper.issuerUscc(),
                record == null ? null : record.issuerUscc()));
        rows.add(compared("documentNumber", paper == null ? null : paper.documentNumber(),
                record == null ? null : record.reportNumber()));
        rows.add(compared("issuedAt", paper == null ? null : instant(paper.issuedAt()),
                record == null ? null : instant(record.issuedAt())));
        rows.add(compared("keyId", paper == null ? null : paper.keyId(), null));
        if (record != null) {
            if (record.type() != null) {
                rows.add(recordOnly("reportType", cn.cqs.client.supervision.SupervisionTexts.type(record.type().name()),
                        keyFieldsChanged));
            }
            rows.add(recordOnly("projectName", record.projectName(), keyFieldsChanged));
            rows.add(recordOnly("projectPart", record.projectPart(), keyFieldsChanged));
            rows.add(recordOnly("sampleName", record.sampleName(), keyFieldsChanged));
            rows.add(recordOnly("sampleId", record.sampleId(), keyFieldsChanged));
            rows.add(recordOnly("designGrade", record.designGrade(), keyFieldsChanged));
            if (record.specimenSizeMm() != null) {
                rows.add(recordOnly("specimenSize", Localization.get("verify.value.mm", record.specimenSizeMm()),
                        keyFieldsChanged));
            }
            rows.add(recordOnly("testDate", record.testDate() == null ? null : record.testDate().toString(),
                    keyFieldsChanged));
            if (record.representativeStrengthMpa() != null) {
                rows.add(recordOnly("strength", strength(record.representativeStrengthMpa()), keyFieldsChanged));
            }
            rows.add(recordOnly("conclusion", record.conclusion() == null ? null
                    : Localization.get("verify.conclusion." + record.conclusion().name()), keyFieldsChanged));
            rows.add(recordOnly("receivedAt", instant(record.receivedAt()), false));
            rows.add(recordOnly("late", Localization.get(record.late() ? "verify.value.late" : "verify.value.onTime"),
                    record.late()));
            rows.add(recordOnly("status", record.status() == null ? null
                    : Localization.get("verify.status." + record.status().name()),
                    record.status() != null && record.status() != ReportStatus.VALID));
        }
        return List.copyOf(rows);
    }

    /**
     * A delivery ticket's rows (生产流水号): the token carries the platform as issuer, the serial number
     * and the signing time; the batch record adds plant, project, buyer, pour location, marking,
     * volumes, times and the notification states. When the record no longer gives the token's digest
     * the fields the digest covers ({@link cn.cqs.contract.batches.BatchKeyFields}) are highlighted;
     * a late or missing notification is highlighted too.
     */
    private List<ComparisonRow> batchRows(CodeVerdict verdict) {
        PaperClaims paper = verdict.claims();
        PublicBatch batch = verdict.batch();
        boolean altered = verdict.outcome() == VerifyOutcome.DIGEST_MISMATCH;
        List<ComparisonRow> rows = new ArrayList<>();
        rows.add(compared("batch.issuer", paper == null ? null : paper.issuerName(), null));
        rows.add(compared("batch.serialNumber", paper == null ? null : paper.documentNumber(),
                batch == null ? null : batch.serialNumber()));
        rows.add(compared("batch.signedAt", paper == null ? null : instant(paper.issuedAt()),
                batch == null ? null : instant(batch.registeredAt())));
        rows.add(compared("keyId", paper == null ? null : paper.keyId(), null));
        if (batch == null) {
            return List.copyOf(rows);
        }
        rows.add(recordOnly("batch.plant", batch.plantName() + (batch.plantUscc() == null ? ""
                : "（" + batch.plantUscc() + "）"), altered));
        rows.add(recordOnly("projectName", batch.projectName(), altered));
        rows.add(recordOnly("batch.buyer", batch.buyer(), altered));
        rows.add(recordOnly("batch.pourLocation", batch.pourLocation(), altered));
        rows.add(recordOnly("batch.marking", batch.marking(), altered));
        rows.add(recordOnly("batch.volume", volume(batch.volumeM3()), altered));
        rows.add(recordOnly("batch.producedVolume", batch.producedVolumeM3() == null
                ? Localization.get("verify.value.notYet") : volume(batch.producedVolumeM3()), false));
        rows.add(recordOnly("batch.plannedStart", instant(batch.plannedStart()), false));
        rows.add(recordOnly("batch.startedAt", batch.startedAt() == null ? Localization.get("verify.value.notYet")
                : instant(batch.startedAt()), false));
        rows.add(notification("batch.startNotification", batch.startNotification()));
        rows.add(recordOnly("batch.endedAt", batch.endedAt() == null ? Localization.get("verify.value.notYet")
                : instant(batch.endedAt()), false));
        rows.add(notification("batch.endNotification", batch.endNotification()));
        return List.copyOf(rows);
    }

    private static ComparisonRow notification(String field, NotificationState state) {
        if (state == null) {
            return recordOnly(field, null, false);
        }
        return recordOnly(field, Localization.get("verify.notification." + state.name()),
                state == NotificationState.LATE || state == NotificationState.MISSING);
    }

    private static String volume(BigDecimal m3) {
        return m3 == null ? null : Localization.get("verify.value.m3", m3.stripTrailingZeros().toPlainString());
    }

    private ComparisonRow compared(String field, String paper, String record) {
        ComparisonRow.State state;
        if (paper == null && record == null) {
            state = ComparisonRow.State.SAME;
        } else if (record == null) {
            state = ComparisonRow.State.PAPER_ONLY;
        } else if (paper == null) {
            state = ComparisonRow.State.RECORD_ONLY;
        } else {
            state = paper.equals(record) ? ComparisonRow.State.SAME : ComparisonRow.State.DIFFERENT;
        }
        return new ComparisonRow(label(field), paper == null ? "" : paper, record == null ? "" : record, state);
    }

    private static ComparisonRow recordOnly(String field, String value, boolean attention) {
        return new ComparisonRow(label(field), "", value == null ? "" : value,
                attention ? ComparisonRow.State.ATTENTION : ComparisonRow.State.RECORD_ONLY);
    }

    private static String label(String field) {
        return Localization.get("verify.field." + field);
    }

    private String instant(Instant instant) {
        return instant == null ? null : DATE_TIME.format(instant.atZone(zone));
    }

    private static String strength(BigDecimal mpa) {
        return mpa == null ? null : Localization.get("verify.value.mpa", mpa.toPlainString());
    }
}
