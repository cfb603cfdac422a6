package cn.cqs.contract;

/**
 * The version handshake between client and server. Every client request carries
 * {@link #CLIENT_VERSION_HEADER}; a server that no longer speaks to that version answers
 * 426 Upgrade Required with a {@code client-too-old} problem that says so in plain words.
 */
public final class ApiVersion {
    /** Header carrying the client's protocol version, an integer. */
    public static final String CLIENT_VERSION_HEADER = "X-Cqs-Client-Version";
    /** The protocol version this build of the contract speaks. */
    public static final int CURRENT = 1;
    /** The oldest client protocol version the server still accepts. */
    public static final int MINIMUM_SUPPORTED = 1;
    /** Base path of the REST API. */
    public static final String BASE_PATH = "/api/v1";

    private ApiVersion() {
    }
}
