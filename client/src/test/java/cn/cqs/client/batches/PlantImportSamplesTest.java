package cn.cqs.client.batches;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.client.i18n.AppLanguage;
import cn.cqs.client.i18n.Localization;
import cn.cqs.client.reports.ProjectChoice;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The sample files of docs/plant-import.md import cleanly, in the documented order (lots, mix designs,
 * batches), and each batch references the lots and the mix design imported before it.
 */
class PlantImportSamplesTest {
    static final Path SAMPLES = Path.of("..", "docs", "examples", "plant-import");

    @Test
    void theDocumentedSamplesImportInOrder() throws Exception {
        Localization.setLanguage(AppLanguage.CHINESE);
        try (PlantFixture f = new PlantFixture(Runnable::run, Runnable::run, Duration.ofSeconds(5))) {
            f.clock.set(Instant.parse("2026-11-24T01:00:00Z"));
            PlantImport importer = new PlantImport(f.cache, f.clock, PlantFixture.CHINA);
            List<ProjectChoice> projects = List.of(new ProjectChoice(UUID.randomUUID(), "仓山区城市综合体项目一标段"));
            int[] expected = {5, 2, 2};
            String[] files = {"material-lots.csv", "mix-designs.csv", "batches.csv"};
            ImportKind[] kinds = {ImportKind.LOTS, ImportKind.MIX_DESIGNS, ImportKind.BATCHES};
            for (int i = 0; i < files.length; i++) {
                PlantImport.Preview p = importer.preview(PlantImport.read(SAMPLES.resolve(files[i])), projects);
                assertThat(p.kind()).isEqualTo(kinds[i]);
                assertThat(p.rows()).as(files[i] + ": " + p.rows()).allMatch(ImportRow::ok).hasSize(expected[i]);
                assertThat(importer.queue(p, f.registrar, (done, total) -> { })).isEqualTo(expected[i]);
            }
            assertThat(f.cache.batch("ERP-2026-1124-01")).get().satisfies(b -> {
                assertThat(b.materialLotIds()).hasSize(5);
                assertThat(b.mixDesignId()).isEqualTo("PB-C30-P8-01");
            });
        }
    }
}
