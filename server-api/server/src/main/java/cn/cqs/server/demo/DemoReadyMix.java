package cn.cqs.server.demo;

import cn.cqs.contract.batches.DeliveryTicketRequest;
import cn.cqs.contract.batches.MaterialIntakeRequest;
import cn.cqs.contract.batches.MaterialKind;
import cn.cqs.contract.batches.MixDesignRequest;
import cn.cqs.contract.batches.MixQuantity;
import cn.cqs.contract.batches.NotificationRequest;
import cn.cqs.contract.batches.ProductionRequest;
import cn.cqs.contract.orgs.OrganisationKind;
import cn.cqs.contract.orgs.Role;
import cn.cqs.server.audit.AuditLog;
import cn.cqs.server.auth.Principal;
import cn.cqs.server.batches.BatchService;
import cn.cqs.server.batches.BatchStore;
import cn.cqs.server.batches.MaterialLotService;
import cn.cqs.server.batches.MixDesignService;
import cn.cqs.server.db.Sql;
import cn.cqs.server.pki.PlatformSigner;
import cn.cqs.server.projects.ProjectService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo plant's ready-mix records, registered through the real services (as its clerk, at
 * back-dated times) so the demo shows every state: five material lots, two mix designs and four
 * batches for its Fuzhou projects: one notified on time, one with a late start notification, one
 * whose trucks all left hours ago without an end notification (end MISSING), and one planned for
 * tomorrow. Runs once, when the plant has no material lots yet.
 */
public final class DemoReadyMix {
    private static final Logger LOG = LoggerFactory.getLogger(DemoReadyMix.class);
    private final Jdbi jdbi;
    private final BatchStore store;
    private final ProjectService projects;
    private final PlatformSigner platform;
    private final AuditLog audit;
    private final Clock clock;
    private final cn.cqs.server.batches.ReportTokenVerifier reportTokens;

    public DemoReadyMix(Jdbi jdbi, BatchStore store, ProjectService projects, PlatformSigner platform, AuditLog audit,
                        Clock clock, cn.cqs.server.batches.ReportTokenVerifier reportTokens) {
        this.jdbi = jdbi;
        this.store = store;
        this.projects = projects;
        this.platform = platform;
        this.audit = audit;
        this.clock = clock;
        this.reportTokens = reportTokens;
    }

    /** A clock the seed sets to the back-dated moment of each step. */
    private static final class SteppedClock extends Clock {
        private Instant now;

        SteppedClock(Instant now) {
            this.now = now;
        }

        void set(Instant at) {
            now = at;
        }

        @Override
        public ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the demo seed clock is UTC only");
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** @return true when it seeded */
    public boolean seedIfEmpty() {
        if (platform.identity().isEmpty()) {
            return false;
        }
        // the clerk registers; on a demo database from before the ready-mix modules only the
        // administrator holds BATCHES_REGISTER (granted by V14), so it registers instead
        Optional<Principal> clerk = jdbi.withHandle(h -> h.createQuery("""
                        select u.id as user_id, u.username, u.role, u.permissions, o.id as org_id, o.region_code
                          from app_user u join organisation o on o.id = u.organisation_id
                         where u.username in ('plant-clerk', 'plant-admin') and o.kind = 'READY_MIX_PLANT'
                           and 'BATCHES_REGISTER' = any (u.permissions)
                           and not exists (select 1 from material_lot l where l.organisation_id = o.id)
                         order by u.username = 'plant-clerk' desc
                         limit 1""")
                .map((rs, c) -> new Principal(Sql.uuid(rs, "user_id"), rs.getString("username"), null,
                        Sql.uuid(rs, "org_id"), OrganisationKind.READY_MIX_PLANT, Sql.trimmedChar(rs, "region_code"),
                        Role.valueOf(rs.getString("role")), Sql.permissions(rs, "permissions")))
                .findOne());
        if (clerk.isEmpty()) {
            return false;
        }
        Principal p = clerk.get();
        List<UUID> plantProjects = jdbi.withHandle(h -> ProjectService.scoped(h.createQuery(
                "select p.id from project p where " + ProjectService.VISIBLE + " order by p.name"), p)
                .mapTo(UUID.class).list());
        if (plantProjects.isEmpty()) {
            return false;
        }
        seed(p, plantProjects.get(0), plantProjects.get(plantProjects.size() - 1));
        LOG.info("Demo ready-mix data seeded for the demo plant");
        return true;
    }

    private void seed(Principal p, UUID projectA, UUID projectB) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        SteppedClock at = new SteppedClock(now.minus(Duration.ofDays(1)));
        MaterialLotService lots = new MaterialLotService(jdbi, audit, at, reportTokens);
        MixDesignService designs = new MixDesignService(jdbi, audit, at, reportTokens);
        BatchService batches = new BatchService(jdbi, store, projects, platform, audit, at);
        Instant arrived = now.minus(Duration.ofDays(1)).minus(Duration.ofHours(2));
        lots.register(p, "YL-C-001", new MaterialIntakeRequest(MaterialKind.CEMENT, "P·O 42.5", "福建炼石水泥有限公司",
                "福建炼石水泥有限公司", "LS2611-0215", new BigDecimal("120.5"), arrived, null));
        lots.register(p, "YL-F-001", new MaterialIntakeRequest(MaterialKind.FLY_ASH, "II级", "福州华电粉煤灰经销部",
                "华电福州可门电厂", "KM-2611-08", new BigDecimal("40"), arrived, null));
        lots.register(p, "YL-S-001", new MaterialIntakeRequest(MaterialKind.SAND, "中砂", "闽侯县砂石贸易公司",
                "闽江机制砂厂", "SA-1123", new BigDecimal("600"), arrived, null));
        lots.register(p, "YL-G-001", new MaterialIntakeRequest(MaterialKind.STONE, "5-25mm", "闽侯县砂石贸易公司",
                "永泰青石矿", "ST-1123", new BigDecimal("900"), arrived, null));
        lots.register(p, "YL-A-001", new MaterialIntakeRequest(MaterialKind.ADMIXTURE, "聚羧酸高性能减水剂",
                "福建科之杰新材料有限公司", "福建科之杰新材料有限公司", "KZJ-261120", new BigDecimal("8.2"), arrived, null));
        LocalDate from = LocalDate.ofInstant(now, java.time.ZoneOffset.UTC).minusDays(30);
        designs.register(p, "PB-C30-01", new MixDesignRequest("A-C30-180(S4)-P8-GB/T 14902", List.of(
                q(MaterialKind.CEMENT, "280"), q(MaterialKind.FLY_ASH, "80"), q(MaterialKind.SAND, "780"),
                q(MaterialKind.STONE, "1050"), q(MaterialKind.ADMIXTURE, "7.2"), q(MaterialKind.WATER, "170")),
                null, from, null));
        designs.register(p, "PB-C40-01", new MixDesignRequest("A-C40-180(S4)-GB/T 14902", List.of(
                q(MaterialKind.CEMENT, "360"), q(MaterialKind.FLY_ASH, "70"), q(MaterialKind.SAND, "720"),
                q(MaterialKind.STONE, "1060"), q(MaterialKind.ADMIXTURE, "8.6"), q(MaterialKind.WATER, "165")),
                null, from, null));
        List<String> c30Lots = List.of("YL-C-001", "YL-F-001", "YL-S-001", "YL-G-001", "YL-A-001");

        // on time: started and ended, each notified within minutes
        at.set(now.minus(Duration.ofHours(6)));
        batches.register(p, "SC-DEMO-001", new ProductionRequest(projectA, "福建建工集团有限公司", "3#楼 五层 梁板",
                "A-C30-180(S4)-P8-GB/T 14902", new BigDecimal("36"), "PB-C30-01", c30Lots,
                now.minus(Duration.ofHours(5)), "HT-2026-018"));
        at.set(now.minus(Duration.ofHours(5)).plus(Duration.ofMinutes(10)));
        batches.start(p, "SC-DEMO-001", new NotificationRequest(now.minus(Duration.ofHours(5)), null));
        at.set(now.minus(Duration.ofHours(2)));
        batches.ticket(p, "SC-DEMO-001", "FH-DEMO-0001", new DeliveryTicketRequest("闽A·D3516", new BigDecimal("12"),
                now.minus(Duration.ofHours(4)), "鼓楼区湖东路工地北门"));
        batches.end(p, "SC-DEMO-001", new NotificationRequest(now.minus(Duration.ofHours(2)).minus(Duration.ofMinutes(20)),
                new BigDecimal("36")));

        // late start: the start was notified 2.5 hours after it happened
        at.set(now.minus(Duration.ofHours(5)));
        batches.register(p, "SC-DEMO-002", new ProductionRequest(projectB, "中铁海峡建设集团有限公司", "地下室底板 后浇带",
                "A-C40-180(S4)-GB/T 14902", new BigDecimal("48"), "PB-C40-01", c30Lots,
                now.minus(Duration.ofHours(4)), "HT-2026-021"));
        at.set(now.minus(Duration.ofMinutes(90)));
        batches.start(p, "SC-DEMO-002", new NotificationRequest(now.minus(Duration.ofHours(4)), null));

        // end missing: the trucks carried the whole planned volume 3 hours ago, no end notification
        at.set(now.minus(Duration.ofHours(7)));
        batches.register(p, "SC-DEMO-003", new ProductionRequest(projectA, "福建建工集团有限公司", "3#楼 四层 柱",
                "A-C30-180(S4)-P8-GB/T 14902", new BigDecimal("16"), "PB-C30-01", c30Lots,
                now.minus(Duration.ofHours(6)), null));
        at.set(now.minus(Duration.ofHours(6)).plus(Duration.ofMinutes(5)));
        batches.start(p, "SC-DEMO-003", new NotificationRequest(now.minus(Duration.ofHours(6)), null));
        at.set(now.minus(Duration.ofHours(3)));
        batches.ticket(p, "SC-DEMO-003", "FH-DEMO-0002", new DeliveryTicketRequest("闽A·D2207", new BigDecimal("8"),
                now.minus(Duration.ofHours(4)), "鼓楼区湖东路工地北门"));
        batches.ticket(p, "SC-DEMO-003", "FH-DEMO-0003", new DeliveryTicketRequest("闽A·D3516", new BigDecimal("8"),
                now.minus(Duration.ofHours(3)), "鼓楼区湖东路工地北门"));

        // planned for tomorrow: nothing due yet
        at.set(now);
        batches.register(p, "SC-DEMO-004", new ProductionRequest(projectB, "中铁海峡建设集团有限公司", "1#塔楼 七层 剪力墙",
                "A-C40-180(S4)-GB/T 14902", new BigDecimal("60"), "PB-C40-01", c30Lots,
                now.plus(Duration.ofDays(1)), "HT-2026-021"));
    }

    private static MixQuantity q(MaterialKind kind, String kg) {
        return new MixQuantity(kind, new BigDecimal(kg));
    }
}
