package cn.cqs.server.http;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The reverse proxies (nginx, a load balancer) in front of the server whose
 * {@code X-Forwarded-For} header is believed (受信任的反向代理). Written as a comma-separated list of
 * addresses or CIDR ranges, e.g. {@code 10.0.0.5, 10.1.0.0/16, fd00::/8}. Empty by default: then
 * {@code X-Forwarded-For} is ignored, because any client can send one.
 */
public final class TrustedProxies {
    private static final TrustedProxies NONE = new TrustedProxies(List.of());
    private final List<Range> ranges;

    /** One address range: the first {@code prefixLength} bits of {@code network}. */
    private record Range(byte[] network, int prefixLength, String text) {
        boolean contains(InetAddress address) {
            byte[] a = address.getAddress();
            if (a.length != network.length) {
                return false;
            }
            int full = prefixLength / 8;
            for (int i = 0; i < full; i++) {
                if (a[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefixLength % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (a[full] & mask) == (network[full] & mask);
        }
    }

    private TrustedProxies(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    /** No trusted proxy: {@code X-Forwarded-For} is never read. */
    public static TrustedProxies none() {
        return NONE;
    }

    /**
     * Reads a comma-separated list of IP addresses and CIDR ranges; blank or null is {@link #none()}.
     *
     * @param variable the setting's name, for the error message
     * @throws IllegalArgumentException naming {@code variable} and the entry that is not an address or range
     */
    public static TrustedProxies parse(String variable, String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        List<Range> ranges = new ArrayList<>();
        for (String raw : text.split(",")) {
            String entry = raw.strip();
            if (entry.isEmpty()) {
                continue;
            }
            int slash = entry.indexOf('/');
            String host = slash < 0 ? entry : entry.substring(0, slash);
            InetAddress address = IpLiterals.parse(host).filter(a -> !host.contains("]") && !hasPort(host))
                    .orElseThrow(() -> new IllegalArgumentException(variable + ": '" + entry
                            + "' is not an IP address or CIDR range (e.g. 10.0.0.5, 10.1.0.0/16, fd00::/8)"));
            int bits = address.getAddress().length * 8;
            int prefix = bits;
            if (slash >= 0) {
                String p = entry.substring(slash + 1);
                if (!p.matches("\\d{1,3}") || Integer.parseInt(p) > bits) {
                    throw new IllegalArgumentException(variable + ": '" + entry + "' has a prefix length that is not 0-"
                            + bits);
                }
                prefix = Integer.parseInt(p);
            }
            ranges.add(new Range(address.getAddress(), prefix, entry));
        }
        return ranges.isEmpty() ? NONE : new TrustedProxies(ranges);
    }

    private static boolean hasPort(String host) {
        return host.indexOf(':') >= 0 && host.indexOf(':') == host.lastIndexOf(':') && host.contains(".");
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    public boolean trusts(InetAddress address) {
        Objects.requireNonNull(address, "address");
        for (Range r : ranges) {
            if (r.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** The configured list, e.g. {@code 10.0.0.5,10.1.0.0/16}, or {@code none}. */
    public String describe() {
        return ranges.isEmpty() ? "none" : String.join(",", ranges.stream().map(Range::text).toList());
    }

    @Override
    public String toString() {
        return "TrustedProxies[" + describe() + "]";
    }
}
