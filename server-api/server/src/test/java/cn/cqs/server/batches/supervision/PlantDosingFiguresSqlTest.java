package cn.cqs.server.batches.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.contract.batches.supervision.DosingSeriesPoint;
import cn.cqs.contract.batches.supervision.PlantDosingOverview;
import cn.cqs.contract.batches.supervision.PlantDosingRow;
import cn.cqs.contract.batches.supervision.SeriesBucket;
import cn.cqs.contract.orgs.OrganisationKind;
import cn.cqs.contract.orgs.Permission;
import cn.cqs.contract.orgs.Role;
import cn.cqs.contract.supervision.StatisticsPeriod;
import cn.cqs.server.auth.Principal;
import cn.cqs.server.batches.BatchStore;
import cn.cqs.server.testing.ReadyMixSeed;
import cn.cqs.server.testing.TestServers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The regulators' plant figures counted in SQL ({@link PlantDosingService#overview}) are the figures
 * the server computed before in Java from every batch ({@link PlantFiguresInJava}: the batch's own
 * notification states from BatchStore), on a real database: three plants, projects in Xiamen and
 * Fuzhou, hand-made batches at every boundary (notifications exactly 1 hour and 1 hour + 1 second
 * after the event, planned starts reached and 1 hour past, trucks done 1 hour and 1 hour + 1 second
 * ago, China-time midnight and Monday, the period's first instant, a start before the planned one)
 * and 500 random ones over 400 days; for a day-bucket, two week-bucket periods and an empty one, seen
 * by the province and by Xiamen. The hand-made plant's figures are also checked against numbers
 * counted by hand.
 */
class PlantDosingFiguresSqlTest {
    /** Wednesday 2025-03-12 13:30 China time. */
    private static final Instant NOW = Instant.parse("2025-03-12T05:30:00Z");
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final Duration TEN_MINUTES = Duration.ofMinutes(10);
    private static final StatisticsPeriod WEEK_OF_DAYS = new StatisticsPeriod(LocalDate.of(2025, 3, 6), LocalDate.of(2025, 3, 12));
    private static final String XIAMEN_PROJECT_REGION = "350203";
    private static final String FUZHOU_PROJECT_REGION = "350102";
    private static PlantDosingService service;
    private static PlantFiguresInJava reference;
    private static ReadyMixSeed.Plant handMade;
    private static final String RUN = UUID.randomUUID().toString().replace("-", "").substring(0, 7).toUpperCase(Locale.ROOT);
    private static int serial;

    @BeforeAll
    static void seed() {
        Jdbi jdbi = TestServers.shared().jdbi();
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        BatchStore store = new BatchStore(() -> "https://cqs.test");
        service = new PlantDosingService(jdbi, store, clock);
        reference = new PlantFiguresInJava(jdbi, store, clock);
        ReadyMixSeed seed = new ReadyMixSeed(20250312L);
        jdbi.useTransaction(h -> {
            handMade = seed.plant(h, "甲 搅拌站 " + RUN, "350206");
            ReadyMixSeed.Plant second = seed.plant(h, "乙 搅拌站 " + RUN, "350206");
            ReadyMixSeed.Plant third = seed.plant(h, "丙 搅拌站 " + RUN, "350102");
            UUID xiamen = seed.project(h, "厦门工程 " + RUN, XIAMEN_PROJECT_REGION, handMade.id());
            UUID fuzhou = seed.project(h, "福州工程 " + RUN, FUZHOU_PROJECT_REGION, third.id());
            handMade(h, seed, xiamen, fuzhou);
            random(h, seed, List.of(handMade, second, third), xiamen, fuzhou);
        });
    }

    /** The batches counted by hand below, all of plant 甲, all but one for the Xiamen project. */
    private static void handMade(Handle h, ReadyMixSeed seed, UUID xiamen, UUID fuzhou) {
        List<ReadyMixSeed.Batch> batches = new ArrayList<>();
        // not started: planned in 2 hours (NOT_DUE), now (DUE), 1 hour ago (DUE), 1 hour and a second ago (MISSING)
        for (Instant planned : List.of(NOW.plus(Duration.ofHours(2)), NOW, NOW.minus(HOUR), NOW.minus(HOUR).minus(SECOND))) {
            batches.add(batch(planned, null, null, null, null, null, "NO_DATA"));
        }
        Instant mar11 = Instant.parse("2025-03-11T02:00:00Z");
        // start notified exactly 1 hour after (ON_TIME), end 1 hour and a second after (LATE); within
        batches.add(batch(mar11, mar11, mar11.plus(HOUR), mar11.plus(Duration.ofHours(3)),
                mar11.plus(Duration.ofHours(4)).plus(SECOND), null, "WITHIN_TOLERANCE"));
        // start LATE; the trucks finished exactly 1 hour ago (end DUE): missing data
        batches.add(batch(mar11, mar11, mar11.plus(HOUR).plus(SECOND), null, null, NOW.minus(HOUR), "NO_DATA"));
        // today, the trucks finished 1 hour and a second ago (end MISSING): missing data
        Instant today = Instant.parse("2025-03-12T01:00:00Z");
        batches.add(batch(today, today, today.plus(TEN_MINUTES), null, null, NOW.minus(HOUR).minus(SECOND), "NO_DATA"));
        // started yesterday, nothing shows the end: missing data (produced before today)
        Instant yesterday = Instant.parse("2025-03-11T03:00:00Z");
        batches.add(batch(yesterday, yesterday, yesterday.plus(TEN_MINUTES), null, null, null, "NO_DATA"));
        // started today, nothing shows the end: not (yet) missing
        Instant todayLater = Instant.parse("2025-03-12T02:00:00Z");
        batches.add(batch(todayLater, todayLater, todayLater.plus(TEN_MINUTES), null, null, null, "NO_DATA"));
        // ended without data (missing); ended out of tolerance
        Instant mar9 = Instant.parse("2025-03-09T02:00:00Z");
        batches.add(ended(mar9, "NO_DATA"));
        batches.add(ended(mar9.plus(HOUR), "OUT_OF_TOLERANCE"));
        // China-time midnights: 03-10 23:59:59 and 03-11 00:00; Sunday 03-09 23:59:59 and Monday 03-10 00:00
        batches.add(ended(Instant.parse("2025-03-10T15:59:59Z"), "WITHIN_TOLERANCE"));
        batches.add(ended(Instant.parse("2025-03-10T16:00:00Z"), "OUT_OF_TOLERANCE"));
        batches.add(ended(Instant.parse("2025-03-09T15:59:59Z"), "WITHIN_TOLERANCE"));
        batches.add(ended(Instant.parse("2025-03-09T16:00:00Z"), "WITHIN_TOLERANCE"));
        // the period's first instant (03-06 00:00 China) is in, the second before it is not
        batches.add(ended(Instant.parse("2025-03-05T15:59:59Z"), "WITHIN_TOLERANCE"));
        batches.add(ended(Instant.parse("2025-03-05T16:00:00Z"), "WITHIN_TOLERANCE"));
        // the start counts, not the plan: planned in the period but started before it (out); planned before, started in (in)
        Instant mar4 = Instant.parse("2025-03-04T02:00:00Z");
        batches.add(batch(Instant.parse("2025-03-08T02:00:00Z"), mar4, mar4.plus(TEN_MINUTES), mar4.plus(HOUR),
                mar4.plus(HOUR), null, "WITHIN_TOLERANCE"));
        Instant mar7 = Instant.parse("2025-03-07T02:00:00Z");
        batches.add(batch(Instant.parse("2025-03-01T02:00:00Z"), mar7, mar7.plus(TEN_MINUTES), mar7.plus(HOUR),
                mar7.plus(HOUR), null, "OUT_OF_TOLERANCE"));
        for (ReadyMixSeed.Batch b : batches) {
            seed.batch(h, handMade, xiamen, XIAMEN_PROJECT_REGION, b);
        }
        // one for the Fuzhou project: the province sees it, Xiamen does not
        seed.batch(h, handMade, fuzhou, FUZHOU_PROJECT_REGION, ended(mar11.plus(HOUR), "OUT_OF_TOLERANCE"));
    }

    /** 500 batches of the three plants over the 400 days before now, with random times and states. */
    private static void random(Handle h, ReadyMixSeed seed, List<ReadyMixSeed.Plant> plants, UUID xiamen, UUID fuzhou) {
        Random random = new Random(42);
        List<Duration> lags = List.of(Duration.ZERO, TEN_MINUTES, HOUR, HOUR.plus(SECOND), Duration.ofHours(5));
        List<String> dosing = List.of("NO_DATA", "WITHIN_TOLERANCE", "OUT_OF_TOLERANCE");
        for (int i = 0; i < 500; i++) {
            Instant planned = random.nextInt(5) == 0
                    ? NOW.minus(Duration.ofMinutes(random.nextInt(300) - 100))
                    : NOW.minus(Duration.ofMinutes(random.nextInt(400 * 24 * 60)));
            Instant started = null;
            Instant startNotified = null;
            Instant ended = null;
            Instant endNotified = null;
            Instant dispatched = null;
            int kind = random.nextInt(4);
            if (kind > 0 && !planned.isAfter(NOW)) {
                started = planned.plus(Duration.ofMinutes(random.nextInt(120) - 60));
                if (started.isAfter(NOW)) {
                    started = NOW;
                }
                startNotified = started.plus(lags.get(random.nextInt(lags.size())));
                Instant end = started.plus(Duration.ofMinutes(30 + random.nextInt(240)));
                if (kind == 2 && end.isBefore(NOW)) {
                    ended = end;
                    endNotified = end.plus(lags.get(random.nextInt(lags.size())));
                } else if (kind == 3 && end.isBefore(NOW)) {
                    dispatched = random.nextBoolean() ? end : NOW.minus(HOUR).plus(SECOND.multipliedBy(random.nextInt(3) - 1));
                }
            }
            ReadyMixSeed.Plant plant = plants.get(random.nextInt(plants.size()));
            Instant productionStart = started != null ? started : planned;
            if (plant == handMade && !productionStart.isBefore(WEEK_OF_DAYS.start())) {
                plant = plants.get(1); // the hand-made plant's week stays as counted by hand
            }
            boolean inXiamen = random.nextBoolean();
            seed.batch(h, plant, inXiamen ? xiamen : fuzhou, inXiamen ? XIAMEN_PROJECT_REGION : FUZHOU_PROJECT_REGION,
                    batch(planned, started, startNotified, ended, endNotified, dispatched,
                            dosing.get(random.nextInt(dosing.size()))));
        }
    }

    private static ReadyMixSeed.Batch ended(Instant start, String dosingState) {
        return batch(start, start, start.plus(TEN_MINUTES), start.plus(HOUR), start.plus(HOUR), null, dosingState);
    }

    private static ReadyMixSeed.Batch batch(Instant planned, Instant started, Instant startNotified, Instant ended,
                                            Instant endNotified, Instant dispatched, String dosingState) {
        String number = "20250312-" + RUN + "SQ-" + String.format(Locale.ROOT, "%06d", ++serial);
        return new ReadyMixSeed.Batch(number, number, planned, started, startNotified, ended, endNotified, dispatched,
                dosingState);
    }

    private static Principal regulator(String regionCode) {
        return new Principal(UUID.randomUUID(), "test-regulator", null, UUID.randomUUID(), OrganisationKind.REGULATOR,
                regionCode, Role.ORDINARY, Set.of(Permission.BATCHES_SUPERVISE));
    }

    private static PlantDosingRow row(PlantDosingOverview overview, UUID plantId) {
        return overview.plants().stream().filter(r -> plantId.equals(r.plantId())).findFirst().orElseThrow();
    }

    @Test
    void sqlFiguresEqualTheJavaFiguresForEveryPeriodAndJurisdiction() {
        List<StatisticsPeriod> periods = List.of(WEEK_OF_DAYS,
                new StatisticsPeriod(LocalDate.of(2024, 12, 1), LocalDate.of(2025, 3, 12)),
                new StatisticsPeriod(LocalDate.of(2024, 3, 12), LocalDate.of(2025, 3, 12)),
                new StatisticsPeriod(LocalDate.of(2025, 3, 13), LocalDate.of(2025, 3, 31)));
        for (String region : List.of("350000", "350200", "350100")) {
            for (StatisticsPeriod period : periods) {
                PlantDosingOverview sql = service.overview(regulator(region), period);
                PlantDosingOverview java = reference.overview(region, period);
                assertThat(sql).as("%s in %s", period, region).isEqualTo(java);
            }
        }
        // the periods are not trivial: the year has week points, plants and every kind of figure
        PlantDosingOverview year = service.overview(regulator("350000"), periods.get(2));
        assertThat(year.bucket()).isEqualTo(SeriesBucket.WEEK);
        assertThat(year.total().series()).hasSize(53);
        assertThat(year.plants()).hasSizeGreaterThanOrEqualTo(3);
        PlantDosingRow total = year.total();
        assertThat(List.of(total.withinTolerance(), total.outOfTolerance(), total.missingData(), total.lateNotifications(),
                total.missingNotifications())).allMatch(n -> n > 0);
        PlantDosingOverview empty = service.overview(regulator("350000"), periods.get(3));
        assertThat(empty.total().batches()).isZero();
    }

    @Test
    void theHandMadePlantsWeekIsCountedAsByHand() {
        PlantDosingOverview xiamen = service.overview(regulator("350200"), WEEK_OF_DAYS);
        assertThat(xiamen.bucket()).isEqualTo(SeriesBucket.DAY);
        PlantDosingRow row = row(xiamen, handMade.id());
        assertThat(row.plantName()).isEqualTo(handMade.name());
        assertThat(row.plantUscc()).isEqualTo(handMade.uscc());
        assertThat(List.of(row.batches(), row.withData(), row.withinTolerance(), row.outOfTolerance(), row.missingData(),
                row.lateNotifications(), row.missingNotifications()))
                .containsExactly(17L, 8L, 5L, 3L, 4L, 2L, 2L);
        assertThat(row.series()).containsExactly(
                new DosingSeriesPoint(LocalDate.of(2025, 3, 6), 1, 1, 0, 0),
                new DosingSeriesPoint(LocalDate.of(2025, 3, 7), 1, 0, 1, 0),
                new DosingSeriesPoint(LocalDate.of(2025, 3, 8), 0, 0, 0, 0),
                new DosingSeriesPoint(LocalDate.of(2025, 3, 9), 3, 1, 1, 1),
                new DosingSeriesPoint(LocalDate.of(2025, 3, 10), 2, 2, 0, 0),
                new DosingSeriesPoint(LocalDate.of(2025, 3, 11), 4, 1, 1, 2),
                new DosingSeriesPoint(LocalDate.of(2025, 3, 12), 6, 0, 0, 1));
        // the province also sees the batch for the Fuzhou project (03-11, out of tolerance)
        PlantDosingRow province = row(service.overview(regulator("350000"), WEEK_OF_DAYS), handMade.id());
        assertThat(province.batches()).isEqualTo(18);
        assertThat(province.outOfTolerance()).isEqualTo(4);
        // a week bucket: Sunday 03-09 23:59:59 is in the week of 03-03, Monday 03-10 00:00 in the week of 03-10
        PlantDosingRow weeks = row(service.overview(regulator("350200"),
                new StatisticsPeriod(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 12))), handMade.id());
        DosingSeriesPoint last = weeks.series().get(weeks.series().size() - 1);
        assertThat(last.start()).isEqualTo(LocalDate.of(2025, 3, 10));
        assertThat(last.batches()).isEqualTo(2 + 4 + 6);
        assertThat(weeks.series().get(0).start()).isEqualTo(LocalDate.of(2024, 12, 30));
    }
}
