package cn.cqs.contract.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class JsonTest {
    record Sample(String name, Integer age, BigDecimal load, LocalDate day, Instant at, Boolean flag) {
    }

    private final ObjectMapper mapper = Json.newMapper();

    @Test
    void writesIsoDatesAndKeepsDecimalScale() throws Exception {
        Sample s = new Sample("a", 28, new BigDecimal("31.50"), LocalDate.of(2026, 3, 1),
                Instant.parse("2026-03-01T08:00:00Z"), true);
        String json = mapper.writeValueAsString(s);
        assertThat(json).contains("\"day\":\"2026-03-01\"").contains("\"at\":\"2026-03-01T08:00:00Z\"")
                .contains("\"load\":31.50");
        assertThat(mapper.readValue(json, Sample.class)).isEqualTo(s);
    }

    @Test
    void refusesANumberForAString() {
        assertThatThrownBy(() -> mapper.readValue("{\"name\":5}", Sample.class))
                .isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> mapper.readValue("{\"name\":true}", Sample.class))
                .isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void refusesAStringForANumberOrBoolean() {
        assertThatThrownBy(() -> mapper.readValue("{\"age\":\"28\"}", Sample.class))
                .isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> mapper.readValue("{\"flag\":\"true\"}", Sample.class))
                .isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void refusesUnknownProperties() {
        assertThatThrownBy(() -> mapper.readValue("{\"nmae\":\"x\"}", Sample.class))
                .isInstanceOf(UnrecognizedPropertyException.class);
    }
}
