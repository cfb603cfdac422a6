package cn.cqs.server.reports.pdf;

import cn.cqs.contract.pki.KeyId;
import java.time.Instant;

/**
 * A report PDF whose signature checked out.
 *
 * @param sha256      SHA-256 of the whole file, lower-case hex
 * @param sizeBytes   file size
 * @param signerKeyId key id of the signing certificate (a registered certificate of the uploader)
 * @param signingTime the signing time inside the CMS signature, or null when it carries none
 */
public record ValidatedPdf(String sha256, int sizeBytes, KeyId signerKeyId, Instant signingTime) {
}
