package cn.cqs.contract.problem;

/**
 * The kinds of problem the server reports. Each is a URI under {@link #BASE}; the last segment is
 * the problem's {@code code}.
 */
public final class ProblemTypes {
    public static final String BASE = "https://cqs.example.cn/problems/";

    public static final String VALIDATION = "validation";
    public static final String MALFORMED_REQUEST = "malformed-request";
    public static final String PAYLOAD_TOO_LARGE = "payload-too-large";
    public static final String UNAUTHENTICATED = "unauthenticated";
    public static final String FORBIDDEN = "forbidden";
    public static final String NOT_FOUND = "not-found";
    public static final String METHOD_NOT_ALLOWED = "method-not-allowed";
    public static final String CONFLICT = "conflict";
    /** An If-Match precondition failed: somebody else changed the record first. */
    public static final String EDIT_CONFLICT = "edit-conflict";
    public static final String PRECONDITION_REQUIRED = "precondition-required";
    public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported-media-type";
    /** The client is older than the server accepts; it must be upgraded. */
    public static final String CLIENT_TOO_OLD = "client-too-old";
    public static final String TOO_MANY_REQUESTS = "too-many-requests";
    public static final String INTERNAL = "internal";
    /** A capability the server is not configured for (e.g. no platform signing key): ask the operator. */
    public static final String SERVICE_UNAVAILABLE = "service-unavailable";

    private ProblemTypes() {
    }

    public static String uri(String code) {
        return BASE + code;
    }
}
