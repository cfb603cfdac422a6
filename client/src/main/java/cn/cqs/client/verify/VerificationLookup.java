package cn.cqs.client.verify;

import cn.cqs.client.api.ApiClient;
import cn.cqs.contract.ApiVersion;
import cn.cqs.contract.verify.VerificationResponse;
import java.util.Map;

/**
 * The server's verdict on a token: {@code GET /api/v1/verify/{token}}, public, with the record's
 * public fields when the report is in the system.
 */
@FunctionalInterface
public interface VerificationLookup {

    /**
     * @param token the bare token (base64url, as after {@code /v/})
     * @throws cn.cqs.client.api.ServerUnreachableException when the server does not answer
     * @throws cn.cqs.client.api.ApiException                for any other failure
     */
    VerificationResponse lookup(String token);

    /** The server's endpoint through {@code api}. */
    static VerificationLookup of(ApiClient api) {
        return token -> api.get(ApiVersion.BASE_PATH + "/verify/" + token, VerificationResponse.class, Map.of());
    }
}
