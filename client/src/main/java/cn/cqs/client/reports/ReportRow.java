package cn.cqs.client.reports;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One line of the report list: a local draft or issued report, or an uploaded report from the
 * replica.
 *
 * @param localId  the local report, or null for a report only known from the server
 * @param recordId the platform id, or null before upload
 * @param designGrade            the specification (规格/等级): the cube's design grade, a bar's grade and diameter…
 * @param representativeStrength the result: the cube's representative strength, the other types' conclusion
 * @param reason   why the upload was refused, or null
 * @param typeName the report type's title in the current language
 * @param type     the report type (records from servers before report types are concrete cubes)
 */
public record ReportRow(UUID localId, UUID recordId, String reportNumber, String projectName, String designGrade,
                        String representativeStrength, LocalDate date, ReportRowStatus status, String reason,
                        String typeName, cn.cqs.contract.reports.ReportType type) {

    /** The status as shown, with the refusal reason. */
    public String statusText() {
        String text = cn.cqs.client.i18n.Localization.get(status.messageKey());
        return reason == null ? text : text + ": " + reason;
    }
}
