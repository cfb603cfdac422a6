package cn.cqs.client.refusals;

import cn.cqs.client.api.ApiClient;
import cn.cqs.contract.ApiVersion;
import cn.cqs.contract.refusals.Refusal;
import cn.cqs.contract.refusals.RefusalCloseRequest;
import cn.cqs.contract.refusals.RefusalState;
import cn.cqs.contract.refusals.RefusalTakeRequest;
import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The server's refusal reports as the regulators' 拒收举报 module uses them: the list in the
 * jurisdiction, the scan image, and the two steps (受理, 办结), each sent with {@code If-Match}.
 */
public interface RefusalSource {
    /** The longest list asked for at once (the server's maximum). */
    int LIST_LIMIT = 500;

    /** The refusals the user sees, newest first; all states when {@code state} is null. */
    List<Refusal> list(RefusalState state);

    /** The scan image, PNG or JPEG bytes. */
    byte[] image(UUID id);

    /** 受理: takes an OPEN refusal with a note; {@code version} from the refusal shown. */
    Refusal take(UUID id, long version, String note);

    /** 办结: closes a refusal in progress with a finding; {@code version} from the refusal shown. */
    Refusal close(UUID id, long version, String finding);

    /** The source backed by the REST API. */
    static RefusalSource of(ApiClient api) {
        Objects.requireNonNull(api, "api");
        String base = ApiVersion.BASE_PATH + "/refusals";
        return new RefusalSource() {
            @Override
            public List<Refusal> list(RefusalState state) {
                String query = "?limit=" + LIST_LIMIT + (state == null ? "" : "&state=" + state.name());
                return api.get(base + query, new TypeReference<List<Refusal>>() { }, Map.of());
            }

            @Override
            public byte[] image(UUID id) {
                return api.getBytes(base + "/" + id + "/image", "image/*");
            }

            @Override
            public Refusal take(UUID id, long version, String note) {
                return api.post(base + "/" + id + "/take", new RefusalTakeRequest(note), Refusal.class, ifMatch(version));
            }

            @Override
            public Refusal close(UUID id, long version, String finding) {
                return api.post(base + "/" + id + "/close", new RefusalCloseRequest(finding), Refusal.class,
                        ifMatch(version));
            }

            private Map<String, String> ifMatch(long version) {
                return Map.of("If-Match", "\"" + version + "\"");
            }
        };
    }
}
