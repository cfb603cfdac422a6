package cn.cqs.contract.pki;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Fixtures: a platform CA and organisations, created fresh per test class. */
public final class TestPki {
    public static final Instant NOW = Instant.parse("2025-06-01T08:00:00Z");
    public static final Instant CA_FROM = NOW.minus(3650, ChronoUnit.DAYS);
    public static final Instant CA_TO = NOW.plus(3650, ChronoUnit.DAYS);
    public static final Instant ORG_FROM = NOW.minus(365, ChronoUnit.DAYS);
    public static final Instant ORG_TO = NOW.plus(365, ChronoUnit.DAYS);

    public static final OrganisationIdentity LAB =
            new OrganisationIdentity("福建省建筑工程质量检测中心有限公司", "91350200776049653A");
    public static final OrganisationIdentity OTHER_LAB =
            new OrganisationIdentity("广州某检测有限公司", "91440101MA5CJQ4N59");

    private TestPki() {
    }

    public static CertificateAuthority platformCa() {
        return CertificateAuthority.createPlatformCa("Platform CA", "福建省住房和城乡建设厅", CA_FROM, CA_TO);
    }
}
