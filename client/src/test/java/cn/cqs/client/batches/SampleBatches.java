package cn.cqs.client.batches;

import cn.cqs.contract.batches.DosingState;
import cn.cqs.contract.batches.NotificationDeadline;
import cn.cqs.contract.batches.NotificationState;
import cn.cqs.contract.batches.ProductionBatch;
import cn.cqs.contract.batches.SerialNumber;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Made-up but plausible production batches of one plant for tests and the batch-list benchmark: a
 * year of registrations (most in the last weeks), a few dozen projects, buyers and pour locations, the
 * usual markings, and notification and dosing states in realistic shares (most on time, some late,
 * a few missing, the latest still running or due, a few ended by their delivery tickets without an end
 * notification).
 */
public final class SampleBatches {
    public static final String USCC = "91350200776049653A";
    public static final String[] MARKINGS = {"A-C30-180(S4)-P8-GB/T 14902", "A-C30-180(S4)-GB/T 14902",
            "A-C35-180(S4)-P8-GB/T 14902", "A-C25-160(S3)-GB/T 14902", "A-C40-200(S4)-P10-GB/T 14902",
            "A-C50-180(S4)-F250-GB/T 14902", "A-C20-140(S3)-GB/T 14902", "B-H-C60-220(S5)-P12-GB/T 14902"};
    static final String[] DISTRICTS = {"思明区", "湖里区", "集美区", "海沧区", "同安区", "翔安区"};
    static final String[] KINDS = {"保障性住房", "安置房", "学校", "医院", "商业综合体", "地铁站", "大桥", "产业园"};
    static final String[] BUYERS = {"中建海峡建设发展有限公司", "中建三局第一建设工程有限责任公司", "厦门特房建设工程集团有限公司",
            "福建省五建建设集团有限公司", "中铁二十四局集团有限公司", "厦门市政建设开发有限公司", "福建建工集团有限责任公司"};
    static final String[] PARTS = {"基础承台", "地下室底板", "地下室外墙", "梁板柱", "剪力墙", "楼梯", "屋面", "桩基", "垫层"};

    private SampleBatches() {
    }

    /** {@code count} batches registered in the year up to {@code now}, deterministic for {@code seed}. */
    public static List<ProductionBatch> generate(int count, Instant now, ZoneId zone, long seed) {
        Random rnd = new Random(seed);
        List<ProductionBatch> out = new ArrayList<>(count);
        int[] perDay = new int[400];
        for (int i = 0; i < count; i++) {
            // most batches are recent: an exponential spread over the year
            long minutesBack = (long) Math.min(365L * 24 * 60 - 1, -Math.log(1 - rnd.nextDouble()) * 60 * 24 * 60);
            Instant planned = now.minus(Duration.ofMinutes(minutesBack));
            LocalDate day = LocalDate.ofInstant(planned, zone);
            int dayIndex = (int) Math.min(399, Duration.between(planned, now).toDays());
            int seq = ++perDay[dayIndex] + 1000 * (dayIndex % 7);
            String serial = new SerialNumber(day, USCC.substring(8, 17), Math.min(999_999, seq + 1)).toString();
            String project = "厦门市" + DISTRICTS[rnd.nextInt(DISTRICTS.length)] + KINDS[rnd.nextInt(KINDS.length)]
                    + (1 + rnd.nextInt(12)) + "期工程";
            String pour = (1 + rnd.nextInt(30)) + "#楼 " + (1 + rnd.nextInt(32)) + "层 " + PARTS[rnd.nextInt(PARTS.length)];
            String marking = MARKINGS[rnd.nextInt(MARKINGS.length)];
            Instant started = null;
            Instant startNotified = null;
            NotificationState startState = NotificationState.NOT_DUE;
            Instant ended = null;
            Instant endNotified = null;
            NotificationState endState = NotificationState.NOT_DUE;
            Instant dispatched = null;
            if (planned.isBefore(now.minus(Duration.ofMinutes(20)))) {
                started = planned.plus(Duration.ofMinutes(rnd.nextInt(20)));
                double r = rnd.nextDouble();
                if (r < 0.90) {
                    startNotified = started.plus(Duration.ofMinutes(1 + rnd.nextInt(50)));
                    startState = NotificationState.ON_TIME;
                } else if (r < 0.97) {
                    startNotified = started.plus(Duration.ofMinutes(61 + rnd.nextInt(180)));
                    startState = NotificationState.LATE;
                } else {
                    // never notified: no start is known, and the planned start stands in for it (DUE for an
                    // hour, MISSING then), as the server judges it
                    started = null;
                    startState = NotificationDeadline.startState(planned, null, null, now);
                }
                Instant end = (started != null ? started : planned).plus(Duration.ofMinutes(60 + rnd.nextInt(300)));
                if (end.isBefore(now) && started != null) {
                    ended = end;
                    double e = rnd.nextDouble();
                    if (e < 0.92) {
                        endNotified = ended.plus(Duration.ofMinutes(1 + rnd.nextInt(55)));
                        endState = NotificationState.ON_TIME;
                    } else if (e < 0.98) {
                        endNotified = ended.plus(Duration.ofMinutes(65 + rnd.nextInt(120)));
                        endState = NotificationState.LATE;
                    } else {
                        // no end notification, but the trucks carried the planned volume: due from the
                        // last departure for an hour, missing then (the contract's rule, as the server says it)
                        ended = null;
                        dispatched = end;
                        endState = NotificationDeadline.endState(null, null, dispatched, now);
                    }
                }
            } else {
                // planned within the last 20 minutes and not started: the start is due from the plan
                startState = NotificationDeadline.startState(planned, null, null, now);
            }
            DosingState dosing = ended == null ? DosingState.NO_DATA
                    : rnd.nextDouble() < 0.95 ? DosingState.WITHIN_TOLERANCE : DosingState.OUT_OF_TOLERANCE;
            BigDecimal volume = BigDecimal.valueOf(10 + rnd.nextInt(600));
            out.add(new ProductionBatch(UUID.nameUUIDFromBytes(("b" + seed + "-" + i).getBytes()), serial,
                    "https://cqs.example.cn/v/B1." + serial, UUID.randomUUID(), "厦门华信预拌混凝土有限公司", USCC,
                    "ERP-" + (100000 + i), UUID.nameUUIDFromBytes(project.getBytes()), project, "350203",
                    BUYERS[rnd.nextInt(BUYERS.length)], pour, marking, volume, "PB-" + marking.substring(2, 5),
                    List.of("L-CEM-" + rnd.nextInt(50), "L-SAND-" + rnd.nextInt(50)), planned,
                    "HT-" + (2000 + rnd.nextInt(400)), planned.minus(Duration.ofHours(2)), started, startNotified,
                    startState, ended, endNotified, endState, dispatched, ended == null ? null : volume, dosing, 1 + rnd.nextInt(3)));
        }
        return out;
    }
}
