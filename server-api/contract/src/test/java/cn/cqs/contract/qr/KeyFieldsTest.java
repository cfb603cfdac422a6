package cn.cqs.contract.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class KeyFieldsTest {

    enum Conclusion { PASS, FAIL }

    /** A typical report's key fields; each variant changes exactly one thing. */
    private static KeyFields report(UnaryOperator<Object[]> change) {
        Object[] v = {"JC2024-HNT-000123", new BigDecimal("32.5"), Conclusion.PASS, LocalDate.of(2024, 5, 1),
            "张三", 3L, Boolean.TRUE, LocalDateTime.of(2024, 5, 1, 9, 30)};
        v = change.apply(v);
        return KeyFields.builder()
                .add("reportNumber", (String) v[0])
                .add("strength", (BigDecimal) v[1])
                .add("conclusion", (Conclusion) v[2])
                .add("testDate", (LocalDate) v[3])
                .add("witness", (String) v[4])
                .add("specimens", (Long) v[5])
                .add("witnessed", (Boolean) v[6])
                .add("receivedAt", (LocalDateTime) v[7])
                .build();
    }

    private static UnaryOperator<Object[]> set(int index, Object value) {
        return v -> {
            Object[] copy = v.clone();
            copy[index] = value;
            return copy;
        };
    }

    @Test
    void digestChangesWhenAnyFieldChanges() {
        List<KeyFields> variants = List.of(
                report(v -> v),
                report(set(0, "JC2024-HNT-000124")),
                report(set(1, new BigDecimal("32.6"))),
                report(set(2, Conclusion.FAIL)),
                report(set(3, LocalDate.of(2024, 5, 2))),
                report(set(4, "李四")),
                report(set(4, null)),
                report(set(4, "")),
                report(set(5, 4L)),
                report(set(6, Boolean.FALSE)),
                report(set(7, LocalDateTime.of(2024, 5, 1, 9, 30, 1))));
        Set<KeyFieldsDigest> digests = new HashSet<>();
        variants.forEach(k -> digests.add(k.digest()));
        assertThat(digests).hasSize(variants.size());
        assertThat(report(v -> v).digest()).isEqualTo(report(v -> v).digest());
    }

    @Test
    void decimalsIgnoreTrailingZerosAndScale() {
        assertThat(report(set(1, new BigDecimal("32.500"))).digest()).isEqualTo(report(v -> v).digest());
        KeyFieldsDigest thirty = KeyFields.builder().add("x", new BigDecimal("30")).build().digest();
        assertThat(KeyFields.builder().add("x", new BigDecimal("30.00")).build().digest()).isEqualTo(thirty);
        assertThat(KeyFields.builder().add("x", new BigDecimal("3E+1")).build().digest()).isEqualTo(thirty);
        assertThat(KeyFields.builder().add("x", 30L).build().digest()).isEqualTo(thirty);
        assertThat(KeyFields.builder().add("x", new BigDecimal("0.000")).build().fields().get(0).value()).isEqualTo("0");
        assertThat(KeyFields.builder().add("x", new BigDecimal("300")).build().digest()).isNotEqualTo(thirty);
    }

    @Test
    void encodingIsUnambiguous() {
        // length prefixes: moving characters between name and value or between fields changes the digest
        KeyFieldsDigest a = KeyFields.builder().add("ab", "c").add("d", "e").build().digest();
        KeyFieldsDigest b = KeyFields.builder().add("a", "bc").add("d", "e").build().digest();
        KeyFieldsDigest c = KeyFields.builder().add("ab", "cd").add("e", (String) null).build().digest();
        assertThat(Set.of(a, b, c)).hasSize(3);
        // order matters
        assertThat(KeyFields.builder().add("d", "e").add("ab", "c").build().digest()).isNotEqualTo(a);
    }

    @Test
    void normalisesUnicodeAndTimes() {
        String composed = "\u00e9";
        String decomposed = "e\u0301";
        assertThat(KeyFields.builder().add("n", composed).build().digest())
                .isEqualTo(KeyFields.builder().add("n", decomposed).build().digest());
        Instant instant = Instant.parse("2024-05-01T01:30:00Z");
        assertThat(KeyFields.builder().add("t", OffsetDateTime.parse("2024-05-01T09:30:00+08:00")).build().digest())
                .isEqualTo(KeyFields.builder().add("t", instant).build().digest());
        assertThat(KeyFields.builder().add("t", LocalDateTime.of(2024, 5, 1, 9, 30)).build().fields().get(0).value())
                .isEqualTo("2024-05-01T09:30:00");
    }

    @Test
    void matchesTheDocumentedEncodingAndDigest() {
        // independently computed from docs/qr-token.md with Python's hashlib
        KeyFields fields = KeyFields.builder()
                .add("reportNumber", "JC2024-HNT-000123")
                .add("strength", new BigDecimal("32.50"))
                .add("conclusion", "合格")
                .add("testDate", LocalDate.of(2024, 5, 1))
                .add("witness", (String) null)
                .build();
        assertThat(HexFormat.of().formatHex(fields.canonicalEncoding())).isEqualTo(
                "636e2e6371732e6b65792d6669656c64732e763100000000050000000c7265706f72744e756d626572010000001"
                        + "14a43323032342d484e542d30303031323300000008737472656e677468010000000433322e350000000a636f"
                        + "6e636c7573696f6e0100000006e59088e6a0bc000000087465737444617465010000000a323032342d30352d"
                        + "3031000000077769746e65737300");
        assertThat(fields.digest().hex()).isEqualTo("792874dc635a8b6429ed987edfa5a68f");
    }

    @Test
    void rejectsBadNamesDuplicatesAndEmptyLists() {
        assertThatThrownBy(() -> KeyFields.builder().add("1abc", "x")).hasMessageContaining("'1abc'");
        assertThatThrownBy(() -> KeyFields.builder().add("a b", "x")).hasMessageContaining("field name");
        assertThatThrownBy(() -> KeyFields.builder().add("a", "x").add("a", "y")).hasMessageContaining("twice");
        assertThatThrownBy(() -> KeyFields.builder().build()).hasMessageContaining("at least one");
    }
}
