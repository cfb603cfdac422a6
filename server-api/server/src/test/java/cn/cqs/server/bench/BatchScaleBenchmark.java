package cn.cqs.server.bench;

import cn.cqs.contract.ApiVersion;
import cn.cqs.contract.auth.LoginRequest;
import cn.cqs.contract.auth.LoginResponse;
import cn.cqs.contract.batches.DosingState;
import cn.cqs.contract.batches.NotificationState;
import cn.cqs.contract.batches.supervision.PlantDosingOverview;
import cn.cqs.contract.json.Json;
import cn.cqs.contract.orgs.OrganisationKind;
import cn.cqs.contract.orgs.Permission;
import cn.cqs.contract.orgs.Role;
import cn.cqs.contract.supervision.StatisticsPeriod;
import cn.cqs.contract.time.UploadDeadline;
import cn.cqs.server.app.CqsServer;
import cn.cqs.server.app.ServerConfig;
import cn.cqs.server.auth.Principal;
import cn.cqs.server.batches.BatchListPlans;
import cn.cqs.server.batches.BatchQuery;
import cn.cqs.server.batches.BatchRules;
import cn.cqs.server.batches.BatchStore;
import cn.cqs.server.batches.supervision.PlantFiguresInJava;
import cn.cqs.server.batches.supervision.PlantFiguresPlans;
import cn.cqs.server.db.Sql;
import cn.cqs.server.demo.DemoAccounts;
import cn.cqs.server.testing.ReadyMixSeed;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * Benchmark (not a test; {@code ./mvnw -B -Pbench-batch-scale -pl server-api/server -am test-compile},
 * see README): the ready-mix reads at province scale. Fills a real embedded PostgreSQL (a database with
 * LC_CTYPE C.utf8 where the system has it, so trigrams cover Chinese text, as a production database
 * with a UTF-8 locale does) with N batches (default 1,000,000) of 150 plants over the last 730 days,
 * in time order as they arrive, by generate_series in the database (a few minutes), then through a
 * real server in this JVM (loopback) prints:
 *
 * <ul>
 *   <li>the regulators' plant figures ({@code GET /api/v1/supervision/plants/dosing}) of the
 *       province for a month, a quarter and a year: median and p95 over repeated calls; and once
 *       the former path (every batch of the period loaded and counted in Java, without the V16
 *       indexes) for comparison, with a check that both give the same figures;</li>
 *   <li>batch list pages ({@code GET /api/v1/batches}, 100 rows) with the common filters (first
 *       page, deep pages, month, plant, project, dosing state, notification state, text search,
 *       city and county regulators): median and p95 with the counts the server answers; and the
 *       former statements (exact count(*) with joins, the filters as "param is null or ...") without
 *       the V16 indexes, run inside a transaction that is rolled back;</li>
 *   <li>with {@code --explain=1}: each list request's plans (EXPLAIN ANALYZE).</li>
 * </ul>
 *
 * <p>Options: {@code --batches=1000000}, {@code --plants=150}, {@code --days=730},
 * {@code --rounds=15} (timed calls per figure), {@code --before=1} (0: skip the former path),
 * {@code --explain=0}.
 */
public final class BatchScaleBenchmark {
    private static final ObjectMapper JSON = Json.newMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(5);
    private static final int PROJECTS_PER_PLANT = 12;
    private static final int CHUNK = 100_000;
    private static final String PROVINCE = "350000";
    /** The indexes V16 adds; the former path runs without them (and with V10's plain project index). */
    private static final List<String> V16_INDEXES = List.of("production_batch_planned", "production_batch_project_planned",
            "production_batch_dosing_planned", "production_batch_text", "production_batch_production");

    private BatchScaleBenchmark() {
    }

    public static void main(String[] args) {
        int status = 1;
        try {
            run(args);
            status = 0;
        } catch (Exception | Error e) {
            e.printStackTrace();
        } finally {
            // a server that failed half-way through its start can leave non-daemon threads behind
            System.exit(status);
        }
    }

    private static void run(String[] args) throws Exception {
        BenchArgs options = new BenchArgs(args, Set.of("batches", "plants", "days", "rounds", "before", "explain"));
        int batches = options.intOption("batches", 1_000_000, 1_000, 5_000_000);
        int plants = options.intOption("plants", 150, 1, 999);
        int days = options.intOption("days", 730, 30, 3_650);
        int rounds = options.intOption("rounds", 15, 1, 1_000);
        boolean before = options.intOption("before", 1, 0, 1) == 1;
        boolean explain = options.intOption("explain", 0, 0, 1) == 1;
        System.out.printf(Locale.ROOT, "Batch scale benchmark: %,d batches, %d plants, %d days; %d timed calls per figure%n",
                batches, plants, days, rounds);
        System.out.println("JVM: " + System.getProperty("java.vm.name") + " " + Runtime.version() + ", "
                + Runtime.getRuntime().availableProcessors() + " CPUs (server, PostgreSQL and client share the machine)");
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("timezone", "UTC")
                .setServerConfig("shared_buffers", "512MB").setServerConfig("max_wal_size", "4GB").start()) {
            String url = database(pg);
            try (CqsServer server = CqsServer.start(ServerConfig.forTests().withDatabase(url, "postgres", null))) {
                URI base = URI.create(server.baseUrl());
                if (!"127.0.0.1".equals(base.getHost())) {
                    throw new IllegalStateException("the benchmark only talks to 127.0.0.1, but the server is at " + base);
                }
                Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
                Seeded seeded = seed(server.jdbi(), batches, plants, days, now);
                Api api = new Api(base);
                String province = api.login("prov-inspector");
                figures(server, api, province, rounds, before);
                List<ListCase> cases = listCases(api, seeded, province);
                lists(server, api, cases, rounds, before);
                if (explain) {
                    explain(server.jdbi(), cases);
                }
            }
        }
    }

    /** The benchmark's database: LC_CTYPE C.utf8 when the system has that locale. */
    private static String database(EmbeddedPostgres pg) throws SQLException {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            try {
                s.execute("create database bench_rmc template template0 encoding 'UTF8' lc_collate 'C' lc_ctype 'C.utf8'");
                System.out.println("Database: UTF8, LC_COLLATE C, LC_CTYPE C.utf8 (trigrams cover Chinese text)");
            } catch (SQLException e) {
                s.execute("create database bench_rmc template template0 encoding 'UTF8'");
                System.out.println("Database: UTF8 with the default locale; C.utf8 is not available here ("
                        + e.getMessage().strip() + "): Chinese searches cannot use the trigram index");
            }
        }
        return pg.getJdbcUrl("postgres", "bench_rmc");
    }

    /** What the seed made: the plants and projects, for the list filters. */
    private record Seeded(List<ReadyMixSeed.Plant> plants, List<UUID> projects, String someSerial) {
    }

    private static Seeded seed(Jdbi jdbi, int batches, int plantCount, int days, Instant now) {
        long t0 = System.nanoTime();
        List<ReadyMixSeed.Plant> plants = new ArrayList<>();
        List<UUID> projects = new ArrayList<>();
        jdbi.useTransaction(h -> {
            List<String> cities = h.createQuery("select code from region where level = 'CITY' order by code")
                    .mapTo(String.class).list();
            h.execute("create table bench_plant (idx int primary key, id uuid, mix_design_id uuid, qr_token text)");
            h.execute("create table bench_project (plant_idx int, k int, id uuid, region_code char(6), primary key (plant_idx, k))");
            ReadyMixSeed seed = new ReadyMixSeed(20261124L);
            for (int i = 0; i < plantCount; i++) {
                String city = cities.get(i % cities.size());
                List<String> regions = h.createQuery("select code from region where parent_code = :c order by code")
                        .bind("c", city).mapTo(String.class).list();
                if (regions.isEmpty()) {
                    regions = List.of(city);
                }
                String plantRegion = regions.get(i % regions.size());
                ReadyMixSeed.Plant plant = seed.plant(h, String.format(Locale.ROOT, "基准搅拌站%03d", i), plantRegion);
                plants.add(plant);
                h.createUpdate("insert into bench_plant values (:i, :id, :mix, :token)").bind("i", i).bind("id", plant.id())
                        .bind("mix", plant.mixDesignId()).bind("token", ReadyMixSeed.token(plant.uscc(), "BENCH"))
                        .execute();
                for (int k = 0; k < PROJECTS_PER_PLANT; k++) {
                    String region = regions.get((i + k) % regions.size());
                    UUID project = seed.project(h, String.format(Locale.ROOT, "基准工程%03d-%02d", i, k), region, plant.id());
                    projects.add(project);
                    h.createUpdate("insert into bench_project values (:i, :k, :id, :region)").bind("i", i).bind("k", k)
                            .bind("id", project).bind("region", region).execute();
                }
            }
        });
        // the table's own indexes are built after the load (as a bulk import would); the primary key stays
        List<String> indexes = jdbi.withHandle(h -> h.createQuery("""
                        select indexdef from pg_indexes where tablename = 'production_batch'
                           and indexname not in (select conname from pg_constraint where conrelid = 'production_batch'::regclass)""")
                .mapTo(String.class).list());
        jdbi.useHandle(h -> {
            for (String def : indexes) {
                h.execute("drop index " + def.replaceFirst("^CREATE (UNIQUE )?INDEX (\\S+) ON .*$", "$2"));
            }
        });
        Instant start = now.minus(Duration.ofDays(days));
        double step = (double) Duration.ofDays(days).toSeconds() / batches;
        for (int lo = 1; lo <= batches; lo += CHUNK) {
            int hi = Math.min(batches, lo + CHUNK - 1);
            int from = lo;
            jdbi.useTransaction(h -> {
                h.createQuery("select setseed(:s)").bind("s", (double) from / batches / 2).mapTo(String.class).one();
                h.createUpdate(INSERT).bind("lo", from).bind("hi", hi).bind("start", Sql.ts(start)).bind("step", step)
                        .bind("now", Sql.ts(now)).bind("plants", plantCount).bind("projects", PROJECTS_PER_PLANT)
                        .bind("marking", ReadyMixSeed.MARKING).execute();
            });
            System.out.printf(Locale.ROOT, "  loaded %,d batches (%.0f s)%n", hi, (System.nanoTime() - t0) / 1e9);
        }
        long t1 = System.nanoTime();
        jdbi.useHandle(h -> {
            for (String def : indexes) {
                h.execute(def);
            }
            h.execute("drop table bench_project");
            h.execute("drop table bench_plant");
            h.execute("vacuum analyze production_batch");
        });
        String serial = jdbi.withHandle(h -> h.createQuery("select serial_number from production_batch order by planned_start desc"
                + " offset 5000 limit 1").mapTo(String.class).one());
        Map<String, Object> stats = jdbi.withHandle(h -> h.createQuery("""
                        select count(*) as batches,
                               pg_size_pretty(pg_table_size('production_batch')) as heap,
                               pg_size_pretty(pg_indexes_size('production_batch')) as indexes,
                               count(*) filter (where dosing_state = 'OUT_OF_TOLERANCE') as out_of_tolerance,
                               count(*) filter (where dosing_state = 'NO_DATA') as no_data
                          from production_batch""").mapToMap().one());
        System.out.printf(Locale.ROOT, "Seeded in %.0f s (indexes and ANALYZE %.0f s): %s%n%n", (System.nanoTime() - t0) / 1e9,
                (System.nanoTime() - t1) / 1e9, stats);
        return new Seeded(plants, projects, serial);
    }

    /**
     * Batches {@code :lo..:hi} in time order over the span, plant {@code i mod plants}: started within
     * -30..+60 minutes of the plan once the plan is 2 hours past; start notified on time 95%; ended
     * 98.5% of those planned 8 hours ago, end notified on time 93%; the rest dispatched (the trucks
     * carried the volume) 2 hours after the start; dosing within 86%, out 6%, no data 8%.
     */
    private static final String INSERT = """
            insert into production_batch (id, serial_number, organisation_id, plant_batch_id, project_id, region_code, buyer,
                   pour_location, marking, volume_m3, mix_design_id, planned_start, qr_token, registered_at, started_at,
                   start_notified_at, ended_at, end_notified_at, produced_volume_m3, dispatched_at, dosing_state)
            select gen_random_uuid(), s.serial, p.id, s.serial, pr.id, pr.region_code,
                   (array['福建建工集团有限公司', '中建海峡建设发展有限公司', '厦门特房建设工程集团有限公司', '福州建工（集团）总公司',
                          '中铁十七局集团有限公司', '泉州市第一建筑工程有限公司', '漳州市建筑工程有限公司', '宁德市城建集团有限公司'])[1 + g.i % 8],
                   (1 + g.i % 30) || '#楼 ' || (1 + (g.i / 30) % 33) || '层 '
                       || (array['梁板', '柱', '剪力墙', '基础筏板', '楼梯'])[1 + g.i % 5],
                   :marking, 6 + g.i % 30, p.mix_design_id, g.planned, p.qr_token, g.planned - interval '1 day',
                   g.started,
                   case when g.started is null then null
                        when g.r2 < 0.95 then g.started + g.r2 * interval '55 minutes'
                        else g.started + interval '61 minutes' + g.r2 * interval '3 hours' end,
                   g.ended,
                   case when g.ended is null then null
                        when g.r3 < 0.93 then g.ended + g.r3 * interval '58 minutes'
                        else g.ended + interval '62 minutes' + g.r3 * interval '5 hours' end,
                   case when g.ended is null then null else 6 + g.i % 30 end,
                   case when g.started is not null and g.ended is null and g.started + interval '3 hours' < :now
                        then g.started + interval '2 hours' end,
                   case when g.started is null then 'NO_DATA' when g.r4 < 0.86 then 'WITHIN_TOLERANCE'
                        when g.r4 < 0.92 then 'OUT_OF_TOLERANCE' else 'NO_DATA' end
              from (select x.i, x.planned, x.r2, x.r3, x.r4,
                           case when x.planned + interval '2 hours' < :now
                                then x.planned + (x.r1 * 90 - 30) * interval '1 minute' end as started,
                           case when x.planned + interval '8 hours' < :now and x.r3 < 0.985
                                then x.planned + interval '1 hour' + x.r1 * interval '4 hours' end as ended
                      from (select i, cast(:start as timestamptz) + (i - 1) * cast(:step as double precision) * interval '1 second'
                                       + (random() * 4 - 2) * interval '1 hour' as planned,
                                   random() as r1, random() as r2, random() as r3, random() as r4
                              from generate_series(cast(:lo as int), cast(:hi as int)) as i) x) g
              join bench_plant p on p.idx = g.i % cast(:plants as int)
              join bench_project pr on pr.plant_idx = p.idx and pr.k = (g.i / cast(:plants as int)) % cast(:projects as int)
              cross join lateral (select to_char(g.planned at time zone 'Asia/Shanghai', 'YYYYMMDD') || '-B'
                                         || lpad(p.idx::text, 3, '0') || 'BENCH-'
                                         || lpad((g.i / cast(:plants as int))::text, 6, '0') as serial) s""";

    // ------------------------------------------------------------------ plant figures

    private static void figures(CqsServer server, Api api, String token, int rounds, boolean before) throws Exception {
        LocalDate today = LocalDate.now(UploadDeadline.REPORT_ZONE);
        Map<String, StatisticsPeriod> periods = new LinkedHashMap<>();
        periods.put("month (30 days)", new StatisticsPeriod(today.minusDays(29), today));
        periods.put("quarter (91 days)", new StatisticsPeriod(today.minusDays(90), today));
        periods.put("year (365 days)", new StatisticsPeriod(today.minusDays(364), today));
        System.out.println("Plant figures of the province, GET /api/v1/supervision/plants/dosing (ms, over HTTP, JSON included)");
        System.out.printf(Locale.ROOT, "  %-18s %9s %9s %7s %9s | %s%n", "period", "median", "p95", "plants", "batches",
                "former path: all batches into Java, without V16 (1 call)");
        PlantFiguresInJava former = new PlantFiguresInJava(server.jdbi(), new BatchStore(() -> "https://cqs.bench"),
                Clock.systemUTC());
        for (Map.Entry<String, StatisticsPeriod> e : periods.entrySet()) {
            StatisticsPeriod period = e.getValue();
            String path = "/supervision/plants/dosing?from=" + period.from() + "&to=" + period.to();
            Latencies lat = new Latencies();
            Api.Answer last = null;
            for (int i = 0; i < rounds + 2; i++) {
                Api.Answer a = api.get(path, token);
                if (i >= 2) {
                    lat.add(a.nanos());
                }
                last = a;
            }
            Latencies sorted = Latencies.merge(List.of(lat));
            PlantDosingOverview overview = JSON.readValue(last.body(), PlantDosingOverview.class);
            String formerText = "skipped";
            if (before) {
                Map<String, Object> result = withoutV16(server.jdbi(), h -> {
                    long t = System.nanoTime();
                    PlantDosingOverview old = former.overview(h, PROVINCE, period);
                    long nanos = System.nanoTime() - t;
                    return Map.of("ms", nanos / 1e6, "same", old.equals(overview));
                });
                formerText = String.format(Locale.ROOT, "%,.0f ms; same figures: %s", (double) result.get("ms"),
                        (boolean) result.get("same") ? "yes" : "NO (a state changed with the clock between the calls?)");
            }
            System.out.printf(Locale.ROOT, "  %-18s %9.1f %9.1f %7d %,9d | %s%n", e.getKey(), sorted.percentileMs(50),
                    sorted.percentileMs(95), overview.plants().size(), overview.total().batches(), formerText);
        }
        System.out.println();
    }

    // ------------------------------------------------------------------ batch list

    /** One list request: as the query string the API gets and as the server's BatchQuery. */
    private record ListCase(String name, String token, String regionCode, BatchQuery query) {
        String path() {
            StringBuilder s = new StringBuilder("/batches?limit=").append(query.limit());
            if (query.offset() > 0) {
                s.append("&offset=").append(query.offset());
            }
            append(s, "plantId", query.plantId());
            append(s, "projectId", query.projectId());
            append(s, "from", query.from());
            append(s, "to", query.to());
            append(s, "dosingState", query.dosingState());
            append(s, "notification", query.notification());
            append(s, "q", query.text());
            return s.toString();
        }

        private static void append(StringBuilder s, String name, Object value) {
            if (value != null) {
                s.append('&').append(name).append('=').append(URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
            }
        }
    }

    private static BatchQuery query(UUID plant, UUID project, LocalDate from, LocalDate to, DosingState dosing,
                                    NotificationState either, String text, int offset) {
        return new BatchQuery(plant, project, from, to, null, null, either, dosing, null, text, BatchQuery.DEFAULT_LIMIT,
                offset, BatchQuery.CountMode.BOUNDED);
    }

    private static List<ListCase> listCases(Api api, Seeded seeded, String province) throws Exception {
        String xiamen = api.login("xm-inspector");
        String gulou = api.login("gl-inspector");
        LocalDate today = LocalDate.now(UploadDeadline.REPORT_ZONE);
        LocalDate monthAgo = today.minusDays(29);
        String serial = seeded.someSerial();
        return List.of(
                new ListCase("province, first page", province, PROVINCE, query(null, null, null, null, null, null, null, 0)),
                new ListCase("province, offset 5,000", province, PROVINCE, query(null, null, null, null, null, null, null, 5_000)),
                new ListCase("province, offset 100,000", province, PROVINCE,
                        query(null, null, null, null, null, null, null, 100_000)),
                new ListCase("province, last 30 days", province, PROVINCE, query(null, null, monthAgo, today, null, null, null, 0)),
                new ListCase("province, one plant", province, PROVINCE,
                        query(seeded.plants().get(7).id(), null, null, null, null, null, null, 0)),
                new ListCase("province, one project", province, PROVINCE,
                        query(null, seeded.projects().get(50), null, null, null, null, null, 0)),
                new ListCase("province, out of tolerance", province, PROVINCE,
                        query(null, null, null, null, DosingState.OUT_OF_TOLERANCE, null, null, 0)),
                new ListCase("province, notification MISSING", province, PROVINCE,
                        query(null, null, null, null, null, NotificationState.MISSING, null, 0)),
                new ListCase("province, q=<serial number>", province, PROVINCE,
                        query(null, null, null, null, null, null, serial, 0)),
                new ListCase("province, q=" + serial.substring(9, 18), province, PROVINCE,
                        query(null, null, null, null, null, null, serial.substring(9, 18), 0)),
                new ListCase("province, q=特房 (buyer)", province, PROVINCE, query(null, null, null, null, null, null, "特房", 0)),
                new ListCase("province, q=27#楼 31层", province, PROVINCE,
                        query(null, null, null, null, null, null, "27#楼 31层", 0)),
                new ListCase("Xiamen (city), first page", xiamen, "350200", query(null, null, null, null, null, null, null, 0)),
                new ListCase("Gulou (county), 30 days", gulou, "350102", query(null, null, monthAgo, today, null, null, null, 0)),
                new ListCase("Gulou, out of tolerance", gulou, "350102",
                        query(null, null, null, null, DosingState.OUT_OF_TOLERANCE, null, null, 0)));
    }

    private static void lists(CqsServer server, Api api, List<ListCase> cases, int rounds, boolean before) throws Exception {
        System.out.println("Batch list, GET /api/v1/batches, 100 rows a page (ms, over HTTP, JSON included)");
        System.out.printf(Locale.ROOT, "  %-34s %8s %8s %14s | %s%n", "request", "median", "p95", "X-Total-Count",
                "former statements without V16: count + page (median of 3), exact count");
        for (ListCase c : cases) {
            Latencies lat = new Latencies();
            Api.Answer last = null;
            for (int i = 0; i < rounds + 2; i++) {
                Api.Answer a = api.get(c.path(), c.token());
                if (a.status() != 200) {
                    throw new IllegalStateException(c.path() + " answered " + a.status() + ": " + a.body());
                }
                if (i >= 2) {
                    lat.add(a.nanos());
                }
                last = a;
            }
            Latencies sorted = Latencies.merge(List.of(lat));
            String count = last.header("X-Total-Count") + ("false".equals(last.header("X-Total-Count-Exact")) ? "+" : "");
            String formerText = before ? former(server.jdbi(), c) : "skipped";
            System.out.printf(Locale.ROOT, "  %-34s %8.1f %8.1f %14s | %s%n", c.name(), sorted.percentileMs(50),
                    sorted.percentileMs(95), count, formerText);
        }
        System.out.println("  (a count with + is a lower bound: X-Total-Count-Exact: false)");
        System.out.println();
    }

    /** The statements the server ran before (count(*) with joins, every filter as "param is null or ..."). */
    private static final String FORMER_WHERE = """
             and (cast(:plant as uuid) is null or b.organisation_id = cast(:plant as uuid))
             and (cast(:project as uuid) is null or b.project_id = cast(:project as uuid))
             and (cast(:from as timestamptz) is null or b.planned_start >= cast(:from as timestamptz))
             and (cast(:to as timestamptz) is null or b.planned_start < cast(:to as timestamptz))
             and (cast(:dosing as text) is null or b.dosing_state = cast(:dosing as text))
             and (cast(:marking as text) is null or b.marking = cast(:marking as text))
             and (cast(:text as text) is null or b.serial_number ilike cast(:text as text)
                  or b.plant_batch_id ilike cast(:text as text) or b.buyer ilike cast(:text as text)
                  or b.pour_location ilike cast(:text as text))
             and (cast(:start as text) is null or\s""" + BatchRules.START_STATE_SQL + """
             = cast(:start as text))
             and (cast(:end as text) is null or\s""" + BatchRules.END_STATE_SQL + """
             = cast(:end as text))
             and (cast(:either as text) is null or\s""" + BatchRules.START_STATE_SQL + """
             = cast(:either as text) or\s""" + BatchRules.END_STATE_SQL
            + " = cast(:either as text))";

    private static String former(Jdbi jdbi, ListCase c) {
        return withoutV16(jdbi, h -> {
            BatchQuery q = c.query();
            String from = " from production_batch b join organisation o on o.id = b.organisation_id"
                    + " join project p on p.id = b.project_id where " + BatchStore.VISIBLE + FORMER_WHERE;
            List<Long> nanos = new ArrayList<>();
            long total = 0;
            for (int i = 0; i < 3; i++) {
                long t = System.nanoTime();
                total = formerBind(h.createQuery("select count(*)" + from), c).mapTo(Long.class).one();
                formerBind(h.createQuery(BatchStore.SELECT + " where " + BatchStore.VISIBLE + FORMER_WHERE
                        + " order by b.planned_start desc, b.id limit :limit offset :offset"), c)
                        .bind("limit", q.limit()).bind("offset", q.offset()).mapToMap().list();
                nanos.add(System.nanoTime() - t);
            }
            nanos.sort(null);
            return String.format(Locale.ROOT, "%,.1f ms, %,d", nanos.get(1) / 1e6, total);
        });
    }

    private static Query formerBind(Query query, ListCase c) {
        BatchQuery q = c.query();
        return query.bind("org", UUID.randomUUID()).bind("regulator", true).bind("region", c.regionCode())
                .bind("plant", q.plantId()).bind("project", q.projectId())
                .bind("from", q.from() == null ? null : Sql.ts(q.from().atStartOfDay(UploadDeadline.REPORT_ZONE).toInstant()))
                .bind("to", q.to() == null ? null
                        : Sql.ts(q.to().plusDays(1).atStartOfDay(UploadDeadline.REPORT_ZONE).toInstant()))
                .bind("dosing", q.dosingState() == null ? null : q.dosingState().name())
                .bind("marking", (String) null)
                .bind("text", q.text() == null ? null
                        : "%" + q.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
                .bind("start", (String) null).bind("end", (String) null)
                .bind("either", q.notification() == null ? null : q.notification().name())
                .bind("now", Sql.ts(Instant.now())).bind("windowSeconds", BatchRules.windowSeconds());
    }

    /**
     * Runs {@code work} in a transaction without the V16 indexes (and with V10's plain project index),
     * then rolls back: the table is locked meanwhile, so nothing else may run.
     */
    private static <T> T withoutV16(Jdbi jdbi, java.util.function.Function<Handle, T> work) {
        return jdbi.withHandle(h -> {
            h.begin();
            try {
                for (String index : V16_INDEXES) {
                    h.execute("drop index " + index);
                }
                h.execute("create index production_batch_project on production_batch (project_id)");
                return work.apply(h);
            } finally {
                h.rollback();
            }
        });
    }

    // ------------------------------------------------------------------ plans

    private static void explain(Jdbi jdbi, List<ListCase> cases) {
        Instant now = Instant.now();
        LocalDate today = LocalDate.now(UploadDeadline.REPORT_ZONE);
        for (int days : new int[] {30, 365}) {
            StatisticsPeriod period = new StatisticsPeriod(today.minusDays(days - 1L), today);
            System.out.println("== plant figures of the province, " + period.from() + " to " + period.to());
            jdbi.useHandle(h -> PlantFiguresPlans.explain(h, PROVINCE, period, now).forEach(System.out::println));
            System.out.println();
        }
        for (ListCase c : cases) {
            Principal regulator = new Principal(UUID.randomUUID(), "bench", null, UUID.randomUUID(),
                    OrganisationKind.REGULATOR, c.regionCode(), Role.ORDINARY, Set.of(Permission.BATCHES_SUPERVISE));
            System.out.println("== " + c.name() + " (" + c.path() + ")");
            jdbi.useHandle(h -> BatchListPlans.explain(h, regulator, c.query(), now).forEach(System.out::println));
            System.out.println();
        }
    }

    // ------------------------------------------------------------------ HTTP

    /** The benchmark's HTTP client: one connection, like a desktop client. */
    private static final class Api {
        private final URI base;
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();

        Api(URI base) {
            this.base = base;
        }

        /** One answer and how long it took (request sent to body read). */
        record Answer(int status, String body, Map<String, List<String>> headers, long nanos) {
            String header(String name) {
                for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                    if (e.getKey().equalsIgnoreCase(name)) {
                        return e.getValue().get(0);
                    }
                }
                return null;
            }
        }

        String login(String username) throws IOException, InterruptedException {
            HttpRequest request = HttpRequest.newBuilder(base.resolve(ApiVersion.BASE_PATH + "/auth/login"))
                    .timeout(REQUEST_TIMEOUT).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(
                            new LoginRequest(username, DemoAccounts.PASSWORD)))).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("login of " + username + " failed: " + response.statusCode() + " "
                        + response.body());
            }
            return JSON.readValue(response.body(), LoginResponse.class).token();
        }

        Answer get(String path, String token) throws IOException, InterruptedException {
            HttpRequest request = HttpRequest.newBuilder(base.resolve(ApiVersion.BASE_PATH + path)).timeout(REQUEST_TIMEOUT)
                    .header("Authorization", "Bearer " + token).GET().build();
            long t = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long nanos = System.nanoTime() - t;
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return new Answer(response.statusCode(), response.body(), response.headers().map(), nanos);
        }
    }
}
