package cn.cqs.client.verify;

import cn.cqs.client.api.ApiClient;
import cn.cqs.contract.ApiVersion;

/**
 * The PDF of exactly the report version a genuine token names: {@code GET /api/v1/verify/{token}/pdf},
 * public (holding the token is the authority). The server verifies the token first and answers 404
 * unless it is genuine and its report is in the system.
 */
@FunctionalInterface
public interface VerifiedPdfs {

    /**
     * @param token the bare token (base64url, as after {@code /v/})
     * @throws cn.cqs.client.api.ServerUnreachableException when the server does not answer
     * @throws cn.cqs.client.api.ApiException                for any other failure (404: no such PDF)
     */
    byte[] pdf(String token);

    /** The server's endpoint through {@code api}. */
    static VerifiedPdfs of(ApiClient api) {
        return token -> api.getBytes(ApiVersion.BASE_PATH + "/verify/" + token + "/pdf", "application/pdf");
    }
}
