package cn.cqs.contract.batches;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SerialNumberTest {

    @Test
    void takesThePlantCodeFromTheUsccAndPadsTheSequence() {
        SerialNumber serial = SerialNumber.of(LocalDate.of(2026, 11, 24), "91350200776049653A", 17);
        assertThat(serial.toString()).isEqualTo("20261124-776049653-000017").isEqualTo(SerialNumber.EXAMPLE);
        assertThat(SerialNumber.parse(serial.toString())).isEqualTo(serial);
    }

    @Test
    void refusesWrongShapesDaysAndSequences() {
        assertThatThrownBy(() -> SerialNumber.parse("2026-11-24-776049653-000017")).hasMessageContaining(SerialNumber.EXAMPLE);
        assertThatThrownBy(() -> SerialNumber.parse("20261324-776049653-000017")).hasMessageContaining("not a date");
        assertThatThrownBy(() -> SerialNumber.parse("20261124-776049653-000000")).hasMessageContaining("1-999999");
        assertThatThrownBy(() -> SerialNumber.parse(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SerialNumber.of(LocalDate.of(2026, 1, 1), "9135", 1)).hasMessageContaining("plantUscc");
        assertThat(SerialNumber.isValid("20261124-M0001TGQX-999999")).isTrue();
        assertThat(SerialNumber.isValid("20261124-m0001tgqx-999999")).isFalse();
    }
}
