package cn.cqs.client.supervision;

import cn.cqs.contract.supervision.ReportConformity;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * An uploaded report as a regulator's search lists it, read from the replica's copy of the
 * server's {@code ReportRecord} JSON. Read field by field (not bound to the record class), so a
 * report of a type this client does not know yet still lists with its common fields.
 *
 * @param day                    the issue day (签发日期, China time) the search filters on
 * @param representativeStrength the cube group's value in MPa as the server sent it, "" if none
 * @param status                 VALID, SUPERSEDED or WITHDRAWN
 */
public record SupervisedReport(UUID id, String reportNumber, String type, UUID labId, String labName,
                               String labUscc, String projectName, String projectPart, String sampleName,
                               String designGrade, String representativeStrength, String conclusion,
                               LocalDate day, Instant issuedAt, Instant receivedAt, boolean late,
                               String issuedAtFlag, String status, String testerName, String reviewerName,
                               String approverName) {

    /** Reads a record of the replica's {@code report} entity. */
    public static SupervisedReport from(UUID id, JsonNode d, LocalDate day) {
        JsonNode strength = d.get("representativeStrengthMpa");
        return new SupervisedReport(id, text(d, "reportNumber"), text(d, "type"), uuid(text(d, "issuerOrganisationId")),
                text(d, "issuerName"), text(d, "issuerUscc"), text(d, "projectName"), text(d, "projectPart"),
                text(d, "sampleName"), text(d, "designGrade"),
                strength == null || strength.isNull() ? "" : strength.decimalValue().toPlainString(),
                text(d, "conclusion"), day, instant(text(d, "issuedAt")), instant(text(d, "receivedAt")),
                d.path("late").asBoolean(false), text(d, "issuedAtFlag"), text(d, "status"), text(d, "testerName"),
                text(d, "reviewerName"), text(d, "approverName"));
    }

    /** Whether the conclusion counts as unqualified (不合格) in the statistics, too. */
    public boolean unqualified() {
        return ReportConformity.isUnqualified(conclusion.isEmpty() ? null : conclusion);
    }

    private static String text(JsonNode d, String field) {
        JsonNode v = d.get(field);
        return v == null || v.isNull() ? "" : v.asText();
    }

    private static UUID uuid(String s) {
        try {
            return s.isEmpty() ? null : UUID.fromString(s);
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }

    private static Instant instant(String s) {
        try {
            return s.isEmpty() ? null : Instant.parse(s);
        } catch (DateTimeParseException notATime) {
            return null;
        }
    }
}
