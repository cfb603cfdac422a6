package cn.cqs.contract.batches;

import java.time.LocalDate;
import java.util.List;

/**
 * {@code PUT /api/v1/plant/mix-designs/{mixDesignId}}: register a mix design (配合比).
 * {@code mixDesignId} in the path is the plant's own id (its 配合比编号 works well). The same values
 * again answer the stored design (200); different values replace it while no batch uses it, and
 * are a 409 naming every differing field once one does (register the changed design under a new id).
 *
 * @param marking            the product's marking (混凝土标记, GB/T 14902), e.g. {@code A-C30-180(S4)-P8-GB/T 14902}
 * @param quantities         kg per m³ of each material; one line per kind, cement and water required
 * @param trialReportNumber  the lab's trial-mix report (试配报告) number, optional; linked when in the system
 * @param validFrom          first day it may be used
 * @param validTo            last day it may be used, on or after {@code validFrom}; optional (open-ended)
 * @param trialReportToken   the scanned QR text of the trial-mix report (verification URL or bare token),
 *                           optional; verified and linked as {@link MaterialIntakeRequest#testReportToken()}
 *                           is (422 on this field when not a genuine current report in the system, on
 *                           {@code trialReportNumber} when that names another report)
 */
public record MixDesignRequest(String marking, List<MixQuantity> quantities, String trialReportNumber,
                               LocalDate validFrom, LocalDate validTo, String trialReportToken) {

    /** A request without a report token. */
    public MixDesignRequest(String marking, List<MixQuantity> quantities, String trialReportNumber,
                            LocalDate validFrom, LocalDate validTo) {
        this(marking, quantities, trialReportNumber, validFrom, validTo, null);
    }
}
