package cn.cqs.contract.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.cqs.contract.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ChangePageJsonTest {
    private final ObjectMapper mapper = Json.newMapper();

    @Test
    void pageWithUpsertAndTombstoneRoundTripsExactly() throws Exception {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        JsonNode data = mapper.readTree("{\"reportNumber\":\"2024-0001\",\"strengthMpa\":31.50}");
        ChangePage page = new ChangePage("c-42", true, List.of(
                Change.upsert("reports", a, 3, Instant.parse("2024-05-01T08:00:00Z"), data),
                Change.tombstone("reports", b, 7, Instant.parse("2024-05-01T08:00:01Z"))));

        String json = mapper.writeValueAsString(page);
        ChangePage back = mapper.readValue(json, ChangePage.class);

        assertThat(back).isEqualTo(page);
        assertThat(json).contains("\"changedAt\":\"2024-05-01T08:00:00Z\"").contains("31.50");
        assertThat(back.changes().get(0).data().get("strengthMpa").decimalValue())
                .isEqualTo(new BigDecimal("31.50"));
        assertThat(back.changes().get(1).data()).isNull();
    }

    @Test
    void changeWithoutDataMustBeATombstone() {
        String json = "{\"nextCursor\":\"x\",\"hasMore\":false,\"changes\":[{\"entity\":\"reports\","
                + "\"id\":\"" + UUID.randomUUID() + "\",\"version\":1,\"deleted\":false,"
                + "\"changedAt\":\"2024-05-01T08:00:00Z\",\"data\":null}]}";
        assertThatThrownBy(() -> mapper.readValue(json, ChangePage.class))
                .isInstanceOf(ValueInstantiationException.class)
                .hasMessageContaining("data: required unless deleted");
    }

    @Test
    void versionBelowOneAndMissingCursorAreRejectedWithTheFieldName() {
        assertThatThrownBy(() -> Change.tombstone("reports", UUID.randomUUID(), 0, Instant.now()))
                .hasMessageContaining("version");
        assertThatThrownBy(() -> new ChangePage(null, false, List.of()))
                .hasMessageContaining("nextCursor");
    }

    @Test
    void uploadReceiptRoundTrips() throws Exception {
        UploadReceipt receipt = new UploadReceipt("reports", UUID.randomUUID(), 1,
                Instant.parse("2024-05-01T08:00:00.123Z"), true);
        assertThat(mapper.readValue(mapper.writeValueAsString(receipt), UploadReceipt.class)).isEqualTo(receipt);
    }
}
