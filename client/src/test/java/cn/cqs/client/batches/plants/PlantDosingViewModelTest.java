package cn.cqs.client.batches.plants;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.client.i18n.AppLanguage;
import cn.cqs.client.i18n.Localization;
import cn.cqs.contract.batches.DosingState;
import cn.cqs.contract.batches.MaterialKind;
import cn.cqs.contract.batches.MixQuantity;
import cn.cqs.contract.batches.NotificationState;
import cn.cqs.contract.batches.dosing.BatchDosing;
import cn.cqs.contract.batches.dosing.DosingComparison;
import cn.cqs.contract.batches.dosing.DosingRecord;
import cn.cqs.contract.batches.dosing.DosingSource;
import cn.cqs.contract.batches.supervision.DosingSeriesPoint;
import cn.cqs.contract.batches.supervision.PlantDosingOverview;
import cn.cqs.contract.batches.supervision.PlantDosingRow;
import cn.cqs.contract.batches.supervision.SeriesBucket;
import cn.cqs.contract.batches.supervision.SupervisedBatch;
import cn.cqs.contract.supervision.StatisticsPeriod;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The regulators' plant screen's view model without a stage: load, choose a plant, drill down. */
class PlantDosingViewModelTest {
    private static final UUID PLANT = UUID.randomUUID();
    private static final String SERIAL = "20261124-776049653-000017";

    private final List<String> calls = new ArrayList<>();

    private PlantDosingRow row(UUID id, String name, long out) {
        return new PlantDosingRow(id, name, "91350200776049653A", 5, 4, 4 - out, out, 1, 1, 0,
                List.of(new DosingSeriesPoint(LocalDate.of(2026, 11, 24), 5, 4 - out, out, 1)));
    }

    private final PlantDosingSource source = new PlantDosingSource() {
        @Override
        public PlantDosingOverview overview(StatisticsPeriod period) {
            calls.add("overview " + period.from() + " " + period.to());
            return new PlantDosingOverview(period.from(), period.to(), SeriesBucket.DAY, List.of(row(PLANT, "闽江搅拌站", 1)),
                    row(null, null, 1));
        }

        @Override
        public List<SupervisedBatch> batches(UUID plantId, StatisticsPeriod period, DosingState state) {
            calls.add("batches " + plantId + " " + state);
            return List.of(new SupervisedBatch(UUID.randomUUID(), SERIAL, "SC-1", UUID.randomUUID(), "工程", "梁板",
                    "A-C30-180(S4)-GB/T 14902", new BigDecimal("12"), LocalDate.of(2026, 11, 24),
                    DosingState.OUT_OF_TOLERANCE, NotificationState.LATE, NotificationState.ON_TIME));
        }
    };

    private static BatchDosing dosing() {
        var report = DosingComparison.compare(List.of(new MixQuantity(MaterialKind.CEMENT, new BigDecimal("300"))),
                List.of(new DosingRecord(SERIAL, 1, Instant.parse("2026-11-24T01:00:00Z"), new BigDecimal("2"),
                        Map.of(MaterialKind.CEMENT, new BigDecimal("630")))), true);
        return new BatchDosing(UUID.randomUUID(), SERIAL, "SC-1", PLANT, "闽江搅拌站", report.state(), 1, DosingSource.CSV,
                Instant.now(), report);
    }

    @Test
    void loadsTheDefaultPeriodThenDrillsDownToTheOutOfToleranceBatchAndItsReport() {
        Localization.setLanguage(AppLanguage.CHINESE);
        Clock clock = Clock.fixed(Instant.parse("2026-11-24T04:00:00Z"), ZoneOffset.UTC);
        PlantDosingViewModel vm = new PlantDosingViewModel(new PlantDosingEnvironment(source, serial -> dosing(),
                Runnable::run, Runnable::run, clock));
        vm.start();
        assertThat(calls).containsExactly("overview 2026-10-26 2026-11-24");
        assertThat(vm.plants()).hasSize(1);
        assertThat(vm.series()).hasSize(1);
        assertThat(vm.seriesTitleProperty().get()).isEqualTo("每日批次（辖区全部搅拌站）");
        assertThat(vm.statusProperty().get()).contains("1 家搅拌站");

        vm.selectedPlantProperty().set(vm.plants().get(0));
        assertThat(calls).last().isEqualTo("batches " + PLANT + " OUT_OF_TOLERANCE");
        assertThat(vm.seriesTitleProperty().get()).isEqualTo("每日批次（闽江搅拌站）");
        assertThat(vm.selectedBatchProperty().get().serialNumber()).isEqualTo(SERIAL);
        assertThat(vm.reportLines()).hasSize(2);
        assertThat(vm.reportLines().get(0).cell(MaterialKind.CEMENT).finding()).isTrue();
        assertThat(vm.conclusionProperty().get()).contains("超出允许偏差");

        vm.outOfToleranceOnlyProperty().set(false);
        assertThat(calls).last().isEqualTo("batches " + PLANT + " null");

        vm.toProperty().set(vm.fromProperty().get().minusDays(1));
        assertThat(vm.periodErrorProperty().get()).isNotEmpty();
        vm.load();
        assertThat(calls).filteredOn(c -> c.startsWith("overview")).hasSize(1);
    }
}
