package cn.cqs.contract.batches;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A registered mix design (配合比) as the server keeps it.
 *
 * @param mixDesignId    the plant's own id for it
 * @param marking        the canonical marking text
 * @param strengthClass  the marking's strength class, e.g. {@code C30}
 * @param trialReportId  the linked trial-mix report: the plant's own of {@code trialReportNumber}, or the
 *                       report its verified token names (any issuer)
 * @param trialReportToken the verified report token (bare, canonical) when given, else null
 */
public record MixDesign(UUID id, UUID plantId, String plantName, String mixDesignId, String marking,
                        String strengthClass, List<MixQuantity> quantities, String trialReportNumber,
                        UUID trialReportId, String trialReportToken, LocalDate validFrom, LocalDate validTo, Instant registeredAt,
                        long version) {
}
