package cn.cqs.client.bench;

import cn.cqs.client.batches.BatchFilter;
import cn.cqs.client.batches.BatchPage;
import cn.cqs.client.batches.BatchRow;
import cn.cqs.client.batches.BatchRowList;
import cn.cqs.client.batches.NoticeFilter;
import cn.cqs.client.batches.PlantCache;
import cn.cqs.client.batches.SampleBatches;
import cn.cqs.client.sync.LocalStore;
import cn.cqs.contract.batches.DosingState;
import cn.cqs.contract.batches.ProductionBatch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Batch list benchmark (批次列表, issue 5): fills a fresh profile database with {@code --batches}
 * (100,000) generated batches of one plant through the same upsert the change feed uses, then times
 * a set of typical filter changes — what the screen does on each: the key query of the filter plus
 * the first page of rows — {@code --rounds} times each, and prints the median, p95 and max in ms per
 * filter and over all of them. Run with {@code ./mvnw -B -q -Pbench-batches -pl client -am test-compile}.
 */
public final class BatchListBenchmark {
    private BatchListBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchArgs options = new BenchArgs(args, Set.of("batches", "rounds", "seed"));
        int count = options.intOption("batches", 100_000, 1_000, 2_000_000);
        int rounds = options.intOption("rounds", 15, 3, 1000);
        long seed = options.intOption("seed", 20261124, 0, Integer.MAX_VALUE);
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        Instant now = Instant.parse("2026-11-24T06:00:00Z");
        Path dir = Files.createTempDirectory("bench-batches");
        try (LocalStore store = LocalStore.open(dir.resolve("bench.db"))) {
            PlantCache cache = new PlantCache(store, Clock.fixed(now, zone), zone);
            long t0 = System.nanoTime();
            List<ProductionBatch> all = SampleBatches.generate(count, now, zone, seed);
            for (int from = 0; from < all.size(); from += 5_000) {
                cache.upsertBatches(all.subList(from, Math.min(all.size(), from + 5_000)));
            }
            long fillMs = (System.nanoTime() - t0) / 1_000_000;
            store.read(c -> {
                try (var st = c.createStatement()) {
                    st.execute("ANALYZE");
                }
                return null;
            });
            System.out.printf("batch list benchmark: %,d batches cached in %,d ms (%s)%n", cache.batchCount(), fillMs,
                    dir.resolve("bench.db"));

            LocalDate today = LocalDate.ofInstant(now, zone);
            Map<String, BatchFilter> filters = new LinkedHashMap<>();
            filters.put("all (screen opens)", BatchFilter.ALL);
            filters.put("text: serial number part '1124-7760'", BatchFilter.ALL.withText("1124-7760"));
            filters.put("text: buyer '中建海峡'", BatchFilter.ALL.withText("中建海峡"));
            filters.put("text: pour '12层 梁板柱'", BatchFilter.ALL.withText("12层 梁板柱"));
            filters.put("text: project '翔安区学校'", BatchFilter.ALL.withText("翔安区学校"));
            filters.put("text: one exact serial", BatchFilter.ALL.withText(all.get(count / 2).serialNumber()));
            filters.put("notice: late", BatchFilter.ALL.withNotice(NoticeFilter.LATE));
            filters.put("notice: missing", BatchFilter.ALL.withNotice(NoticeFilter.MISSING));
            filters.put("notice: late or missing", BatchFilter.ALL.withNotice(NoticeFilter.LATE_OR_MISSING));
            filters.put("notice: due", BatchFilter.ALL.withNotice(NoticeFilter.DUE));
            filters.put("dosing: out of tolerance", BatchFilter.ALL.withDosing(DosingState.OUT_OF_TOLERANCE));
            filters.put("marking: A-C30-180(S4)-P8", BatchFilter.ALL.withMarking(SampleBatches.MARKINGS[0]));
            filters.put("days: today", BatchFilter.ALL.withDays(today, today));
            filters.put("days: last 7", BatchFilter.ALL.withDays(today.minusDays(6), today));
            filters.put("days: last 30 + late/missing", BatchFilter.ALL.withDays(today.minusDays(29), today)
                    .withNotice(NoticeFilter.LATE_OR_MISSING));
            filters.put("marking + 30 days + text '梁板柱'", BatchFilter.ALL.withMarking(SampleBatches.MARKINGS[2])
                    .withDays(today.minusDays(29), today).withText("梁板柱"));
            filters.put("dosing out + marking C30", BatchFilter.ALL.withDosing(DosingState.OUT_OF_TOLERANCE)
                    .withMarking(SampleBatches.MARKINGS[0]));

            // warm-up: every filter once
            for (BatchFilter f : filters.values()) {
                change(cache, f, now);
            }
            List<Double> overall = new ArrayList<>();
            System.out.printf("%-40s %8s %9s %8s %8s%n", "filter change", "rows", "median", "p95", "max");
            for (Map.Entry<String, BatchFilter> e : filters.entrySet()) {
                double[] ms = new double[rounds];
                int rows = 0;
                for (int i = 0; i < rounds; i++) {
                    long s = System.nanoTime();
                    rows = change(cache, e.getValue(), now);
                    ms[i] = (System.nanoTime() - s) / 1e6;
                    overall.add(ms[i]);
                }
                Arrays.sort(ms);
                if (System.getProperty("bench.plans") != null) {
                    System.out.println("  plan: " + String.join(" | ", cache.plan(e.getValue(), now)));
                }
                System.out.printf("%-40s %8d %7.1f ms %5.1f ms %5.1f ms%n", e.getKey(), rows, ms[ms.length / 2],
                        percentile(ms, 0.95), ms[ms.length - 1]);
            }
            double[] all2 = overall.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf("%-40s %8s %7.1f ms %5.1f ms %5.1f ms  (%d filter changes)%n", "ALL FILTER CHANGES", "",
                    all2[all2.length / 2], percentile(all2, 0.95), all2[all2.length - 1], all2.length);
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** What the screen does on a filter change: the keys, then the first page of rows. */
    private static int change(PlantCache cache, BatchFilter f, Instant now) {
        BatchPage page = cache.query(f, now);
        List<BatchRow> first = cache.rows(Arrays.copyOf(page.keys(), Math.min(page.size(), BatchRowList.PAGE)));
        if (first.size() != Math.min(page.size(), BatchRowList.PAGE)) {
            throw new IllegalStateException("first page incomplete: " + first.size());
        }
        return page.size();
    }

    private static double percentile(double[] sorted, double p) {
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}
