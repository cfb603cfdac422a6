package cn.cqs.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who the client is: the socket's address, or X-Forwarded-For only through trusted proxies. */
class ClientAddressesTest {
    private static final ClientAddresses DIRECT = new ClientAddresses(TrustedProxies.none());
    private static final ClientAddresses BEHIND_NGINX = new ClientAddresses(
            TrustedProxies.parse("CQS_TRUSTED_PROXIES", "10.0.0.5, 10.1.0.0/16, fd00::/8"));

    @Test
    void withoutTrustedProxiesForwardedForIsIgnored() {
        assertThat(DIRECT.keyOf("198.51.100.9", List.of("203.0.113.7"))).isEqualTo("198.51.100.9");
        assertThat(DIRECT.keyOf("10.0.0.5", List.of("203.0.113.7"))).isEqualTo("10.0.0.5");
    }

    @Test
    void aConnectionFromAnUntrustedAddressIsTheClientWhateverItForwards() {
        assertThat(BEHIND_NGINX.keyOf("198.51.100.9", List.of("203.0.113.7"))).isEqualTo("198.51.100.9");
    }

    @Test
    void throughTrustedProxiesTheRightMostUntrustedEntryIsTheClient() {
        assertThat(BEHIND_NGINX.keyOf("10.0.0.5", List.of("203.0.113.7"))).isEqualTo("203.0.113.7");
        // the client wrote a spoofed entry itself; nginx appended the real peer; a second proxy hop
        assertThat(BEHIND_NGINX.keyOf("10.0.0.5", List.of("1.2.3.4, 203.0.113.7, 10.1.4.4"))).isEqualTo("203.0.113.7");
        // several header lines count in order
        assertThat(BEHIND_NGINX.keyOf("10.0.0.5", List.of("1.2.3.4", "203.0.113.8"))).isEqualTo("203.0.113.8");
    }

    @Test
    void aProxyWithoutForwardedForOrOnlyProxiesInItIsTheClient() {
        assertThat(BEHIND_NGINX.keyOf("10.0.0.5", List.of())).isEqualTo("10.0.0.5");
        assertThat(BEHIND_NGINX.keyOf("10.0.0.5", List.of(" "))).isEqualTo("10.0.0.5");
        assertThat(BEHIND_NGINX.keyOf("10.0.0.5", List.of("10.1.2.3, 10.1.9.9"))).isEqualTo("10.1.2.3");
    }

    @Test
    void portsAndBracketsAreReadAndIpv6ClientsCountPerSlash64() {
        assertThat(BEHIND_NGINX.keyOf("10.0.0.5", List.of("203.0.113.7:51234"))).isEqualTo("203.0.113.7");
        assertThat(BEHIND_NGINX.keyOf("10.0.0.5", List.of("[2001:db8:1:2::99]:443")))
                .isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(DIRECT.keyOf("2001:db8:1:2:aaaa::1", List.of()))
                .isEqualTo(DIRECT.keyOf("[2001:db8:1:2:bbbb::2]", List.of()))
                .isNotEqualTo(DIRECT.keyOf("2001:db8:1:3::1", List.of()));
        assertThat(BEHIND_NGINX.keyOf("fd00::1", List.of("203.0.113.7"))).isEqualTo("203.0.113.7");
        assertThat(DIRECT.keyOf("::ffff:198.51.100.9", List.of())).isEqualTo("198.51.100.9");
    }

    @Test
    void anEntryThatIsNoAddressIsAKeyOfItsOwnAndNeverLookedUp() {
        assertThat(BEHIND_NGINX.keyOf("10.0.0.5", List.of("unknown"))).isEqualTo("?unknown");
        assertThat(BEHIND_NGINX.keyOf("10.0.0.5", List.of("localhost"))).isEqualTo("?localhost");
        assertThat(BEHIND_NGINX.keyOf("10.0.0.5", List.of("300.1.1.1"))).isEqualTo("?300.1.1.1");
        assertThat(BEHIND_NGINX.keyOf("10.0.0.5", List.of("x".repeat(500)))).hasSize(ClientAddresses.MAX_KEY_LENGTH + 1);
    }

    @Test
    void trustedProxiesMatchAddressesAndRanges() throws Exception {
        TrustedProxies proxies = TrustedProxies.parse("P", "10.0.0.5, 10.1.0.0/16, 192.168.8.0/21, fd00::/8");
        assertThat(proxies.trusts(InetAddress.getByName("10.0.0.5"))).isTrue();
        assertThat(proxies.trusts(InetAddress.getByName("10.0.0.6"))).isFalse();
        assertThat(proxies.trusts(InetAddress.getByName("10.1.255.1"))).isTrue();
        assertThat(proxies.trusts(InetAddress.getByName("10.2.0.1"))).isFalse();
        assertThat(proxies.trusts(InetAddress.getByName("192.168.15.255"))).isTrue();
        assertThat(proxies.trusts(InetAddress.getByName("192.168.16.0"))).isFalse();
        assertThat(proxies.trusts(InetAddress.getByName("fdab::1"))).isTrue();
        assertThat(proxies.trusts(InetAddress.getByName("fe80::1"))).isFalse();
        assertThat(proxies.describe()).isEqualTo("10.0.0.5,10.1.0.0/16,192.168.8.0/21,fd00::/8");
        assertThat(TrustedProxies.parse("P", " ").isEmpty()).isTrue();
        assertThat(TrustedProxies.none().describe()).isEqualTo("none");
    }

    @Test
    void badTrustedProxiesNameTheVariableAndTheEntry() {
        assertThatThrownBy(() -> TrustedProxies.parse("CQS_TRUSTED_PROXIES", "10.0.0.5, proxy.example.cn"))
                .hasMessageContaining("CQS_TRUSTED_PROXIES").hasMessageContaining("'proxy.example.cn'");
        assertThatThrownBy(() -> TrustedProxies.parse("CQS_TRUSTED_PROXIES", "10.0.0.0/33"))
                .hasMessageContaining("CQS_TRUSTED_PROXIES").hasMessageContaining("0-32");
        assertThatThrownBy(() -> TrustedProxies.parse("CQS_TRUSTED_PROXIES", "10.0.0.5:80"))
                .hasMessageContaining("CQS_TRUSTED_PROXIES");
        assertThatThrownBy(() -> TrustedProxies.parse("CQS_TRUSTED_PROXIES", "256.0.0.1"))
                .hasMessageContaining("CQS_TRUSTED_PROXIES");
    }
}
