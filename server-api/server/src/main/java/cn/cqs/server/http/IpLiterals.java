package cn.cqs.server.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads IP address literals (IPv4 dotted quads, IPv6 with or without brackets, either with an
 * optional port) without ever asking DNS: text that is not a literal is simply not an address.
 */
final class IpLiterals {
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(?::\\d{1,5})?");
    private static final Pattern BRACKETED = Pattern.compile("\\[([0-9a-fA-F:.]+)](?::\\d{1,5})?");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private IpLiterals() {
    }

    /** The address {@code text} spells, or empty when it is not an IP literal. */
    static Optional<InetAddress> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        Matcher v4 = IPV4.matcher(t);
        if (v4.matches()) {
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                int octet = Integer.parseInt(v4.group(i + 1));
                if (octet > 255) {
                    return Optional.empty();
                }
                bytes[i] = (byte) octet;
            }
            return address(bytes);
        }
        Matcher bracketed = BRACKETED.matcher(t);
        String v6 = bracketed.matches() ? bracketed.group(1) : IPV6.matcher(t).matches() ? t : null;
        if (v6 == null) {
            return Optional.empty();
        }
        try {
            // in brackets the JDK takes the text as an IPv6 literal or rejects it; it never looks it up
            return Optional.of(InetAddress.getByName("[" + v6 + "]"));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static Optional<InetAddress> address(byte[] bytes) {
        try {
            return Optional.of(InetAddress.getByAddress(bytes));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 bytes are always an IPv4 address", e);
        }
    }
}
