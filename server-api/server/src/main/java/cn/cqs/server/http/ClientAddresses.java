package cn.cqs.server.http;

import io.javalin.http.Context;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Who is asking, for per-client limits (客户端地址): the address of the connection, or, only when the
 * connection comes from a {@link TrustedProxies trusted proxy}, the right-most address in
 * {@code X-Forwarded-For} that is not a trusted proxy (the entries to its right were appended by
 * proxies we trust; anything to its left the client may have written itself).
 *
 * <p>The answer is a key, not an address to display: an IPv4 address as is, an IPv6 address as its
 * {@code /64} network (one household or one phone gets a whole /64, so counting single IPv6
 * addresses would let one phone be millions of clients). Text that is no address (a broken proxy)
 * becomes a key of its own, at most {@value #MAX_KEY_LENGTH} characters.
 */
public final class ClientAddresses {
    public static final String FORWARDED_FOR = "X-Forwarded-For";
    static final int MAX_KEY_LENGTH = 64;
    private final TrustedProxies proxies;

    public ClientAddresses(TrustedProxies proxies) {
        this.proxies = Objects.requireNonNull(proxies, "proxies");
    }

    /** The client key of a request. */
    public String keyOf(Context ctx) {
        List<String> forwarded = proxies.isEmpty() ? List.of()
                : Collections.list(ctx.req().getHeaders(FORWARDED_FOR));
        return keyOf(ctx.ip(), forwarded);
    }

    /**
     * The client key for a connection from {@code remoteAddress} carrying these
     * {@code X-Forwarded-For} header values (in the order received; each may list several addresses).
     */
    public String keyOf(String remoteAddress, List<String> forwardedFor) {
        Optional<InetAddress> remote = IpLiterals.parse(remoteAddress);
        if (remote.isEmpty()) {
            return unparsed(remoteAddress);
        }
        if (proxies.isEmpty() || !proxies.trusts(remote.get())) {
            return key(remote.get());
        }
        List<String> hops = new ArrayList<>();
        for (String value : forwardedFor) {
            for (String hop : value.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.strip());
                }
            }
        }
        if (hops.isEmpty()) {
            return key(remote.get());
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = IpLiterals.parse(hops.get(i));
            if (hop.isEmpty()) {
                return unparsed(hops.get(i));
            }
            if (!proxies.trusts(hop.get())) {
                return key(hop.get());
            }
        }
        // every hop is one of our proxies: the request started inside, at the left-most one
        return key(IpLiterals.parse(hops.get(0)).orElseThrow());
    }

    private static String key(InetAddress address) {
        if (address instanceof Inet6Address) {
            byte[] network = address.getAddress();
            for (int i = 8; i < 16; i++) {
                network[i] = 0;
            }
            try {
                return InetAddress.getByAddress(network).getHostAddress() + "/64";
            } catch (java.net.UnknownHostException e) {
                throw new IllegalStateException("16 bytes are always an IPv6 address", e);
            }
        }
        return address.getHostAddress();
    }

    private static String unparsed(String text) {
        String t = text == null ? "" : text.strip();
        return "?" + (t.length() > MAX_KEY_LENGTH ? t.substring(0, MAX_KEY_LENGTH) : t);
    }
}
