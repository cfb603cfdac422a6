package cn.cqs.client.session;

import cn.cqs.client.api.ApiClient;
import cn.cqs.client.api.ApiException;
import cn.cqs.client.sync.ChangeFeedSource;
import cn.cqs.contract.sync.ChangePage;
import cn.cqs.contract.sync.SyncApi;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * The server's change feed ({@code GET /api/v1/sync/changes?since=&limit=}) read through the
 * session's {@link ApiClient}, for {@link cn.cqs.client.sync.SyncService}.
 */
public final class ApiChangeFeedSource implements ChangeFeedSource {
    private final ApiClient api;

    public ApiChangeFeedSource(ApiClient api) {
        this.api = Objects.requireNonNull(api, "api");
    }

    @Override
    public ChangePage fetch(String sinceCursor, int limit) throws IOException {
        StringBuilder path = new StringBuilder(SyncApi.CHANGES_PATH).append('?');
        if (sinceCursor != null) {
            path.append(SyncApi.PARAM_SINCE).append('=')
                    .append(URLEncoder.encode(sinceCursor, StandardCharsets.UTF_8)).append('&');
        }
        path.append(SyncApi.PARAM_LIMIT).append('=').append(limit);
        try {
            return api.get(path.toString(), ChangePage.class, Map.of());
        } catch (ApiException e) {
            throw new IOException("Change feed: " + e.getMessage(), e);
        }
    }
}
