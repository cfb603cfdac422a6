package cn.cqs.client.pki;

import cn.cqs.client.api.ApiClient;
import cn.cqs.contract.pki.TrustBundle;

/**
 * Where the trust bundle (信任包) comes from: the server's public {@code GET /api/v1/pki/trust},
 * asked conditionally so an unchanged bundle costs a 304.
 */
@FunctionalInterface
public interface TrustBundleSource {

    /**
     * Fetches the bundle unless it still has the entity tag {@code etag} (null: fetch it anyway).
     *
     * @throws cn.cqs.client.api.ServerUnreachableException when the server does not answer
     * @throws cn.cqs.client.api.ApiException                for any other failure the server reports
     */
    ApiClient.Conditional<TrustBundle> fetch(String etag);

    /** The server's trust bundle endpoint through {@code api}. */
    static TrustBundleSource of(ApiClient api) {
        return etag -> api.getIfNoneMatch(PATH, TrustBundle.class, etag);
    }

    /** The endpoint's path. */
    String PATH = cn.cqs.contract.ApiVersion.BASE_PATH + "/pki/trust";
}
