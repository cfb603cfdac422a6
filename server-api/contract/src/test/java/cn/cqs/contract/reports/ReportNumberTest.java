package cn.cqs.contract.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReportNumberTest {

    @Test
    void parsesAndFormats() {
        ReportNumber n = ReportNumber.parse("2024-HNT-000123");
        assertThat(n).isEqualTo(new ReportNumber(2024, "HNT", 123));
        assertThat(n.toString()).isEqualTo("2024-HNT-000123");
        assertThat(new ReportNumber(2030, "J2", 999_999).toString()).isEqualTo("2030-J2-999999");
        assertThat(ReportNumber.parse(ReportNumber.EXAMPLE).toString()).isEqualTo(ReportNumber.EXAMPLE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-HNT-123", "2024-hnt-000123", "24-HNT-000123", "1999-HNT-000123",
            "2024-HNT-0001234", "2024--000123", "2024-2HNT-000123", "2024-ABCDEFGHI-000123", "2024-HNT-000000",
            "2024_HNT_000123", " 2024-HNT-000123", "2024-混凝土-000123"})
    void rejectsOtherShapes(String text) {
        assertThat(ReportNumber.check("reportNumber", text).orElseThrow().code()).isEqualTo("format");
        assertThatThrownBy(() -> ReportNumber.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(ReportNumber.EXAMPLE);
    }

    @Test
    void blankIsRequired() {
        assertThat(ReportNumber.check("reportNumber", "").orElseThrow().code()).isEqualTo("required");
        assertThat(ReportNumber.check("reportNumber", null).orElseThrow().code()).isEqualTo("required");
    }

    @Test
    void constructorGuardsItsParts() {
        assertThatThrownBy(() -> new ReportNumber(2024, "HNT", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReportNumber(2100, "HNT", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReportNumber(2024, "hnt", 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
