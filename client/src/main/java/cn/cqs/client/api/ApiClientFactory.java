package cn.cqs.client.api;

import java.net.URI;

/**
 * Makes an {@link ApiClient} for a server address with the rest of the configuration (CA
 * certificate, proxy, timeouts) taken from the user's settings. The login screen calls it with the
 * address typed in its field.
 */
@FunctionalInterface
public interface ApiClientFactory {
    /**
     * @throws ApiConfigurationException if the configured CA certificate or proxy is unusable
     */
    ApiClient create(URI serverUrl);
}
