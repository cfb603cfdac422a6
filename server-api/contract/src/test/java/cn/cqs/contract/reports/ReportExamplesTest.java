package cn.cqs.contract.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReportExamplesTest {
    @Test
    void everyTypesExampleIsValidQualifiedAndCarriesTheGivenHeader() {
        UUID project = UUID.randomUUID();
        for (LocalDate tested : new LocalDate[] {LocalDate.of(2024, 5, 6), LocalDate.of(2026, 11, 20)}) {
            for (ReportType type : ReportType.values()) {
                ReportTypeDefinition<?, ?> d = ReportTypes.of(type);
                Object content = ReportExamples.of(type, "2026-AB-000001", project, "某工程", tested);
                assertThat(d.validate(content)).as(type + " " + tested).isEmpty();
                ReportSummary summary = d.summaryOf(content);
                assertThat(summary.conclusion()).as(type.name()).isEqualTo(Conclusion.QUALIFIED);
                assertThat(summary.header().reportNumber()).isEqualTo("2026-AB-000001");
                assertThat(summary.header().projectId()).isEqualTo(project);
                assertThat(summary.header().testDate()).isEqualTo(tested);
            }
        }
    }
}
