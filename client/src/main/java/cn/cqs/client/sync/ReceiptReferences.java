package cn.cqs.client.sync;

import cn.cqs.contract.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lets an outbox entry aim at a record that an earlier entry creates: its path may hold
 * {@code {receipt:<entry id>}}, replaced when it is sent by the {@code id} in that earlier entry's
 * receipt (e.g. a print record of a report issued offline, {@code POST /api/v1/reports/{receipt:...}/prints},
 * waits for the report's upload). The outbox drains in creation order, so the earlier entry is
 * normally done; while it is not, the entry waits (retry later); when it was refused, this one is
 * refused too, saying why.
 */
public final class ReceiptReferences implements OutboxSender {
    private static final Pattern REFERENCE = Pattern.compile("\\{receipt:([0-9a-fA-F-]{36})}");
    private static final ObjectMapper MAPPER = Json.newMapper();
    private final Outbox outbox;
    private final OutboxSender next;

    public ReceiptReferences(Outbox outbox, OutboxSender next) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.next = Objects.requireNonNull(next, "next");
    }

    /** The placeholder for the id that {@code entry}'s receipt will carry. */
    public static String placeholder(UUID entry) {
        return "{receipt:" + entry + "}";
    }

    @Override
    public SendResult send(OutboxEntry entry) throws IOException {
        Matcher m = REFERENCE.matcher(entry.target().path());
        if (!m.find()) {
            return next.send(entry);
        }
        UUID earlier = UUID.fromString(m.group(1));
        Optional<OutboxEntry> found = outbox.find(earlier);
        if (found.isEmpty()) {
            return new SendResult.Rejected(400, "It refers to outbox entry " + earlier + ", which no longer exists");
        }
        OutboxEntry e = found.get();
        switch (e.state()) {
            case DONE -> {
                Optional<String> id = idIn(e.receipt());
                if (id.isEmpty()) {
                    return new SendResult.Rejected(400, "The receipt of outbox entry " + earlier + " carries no id");
                }
                String path = m.replaceFirst(id.get());
                OutboxEntry resolved = new OutboxEntry(entry.seq(), entry.id(), entry.idempotencyKey(), entry.kind(),
                        new OutboxTarget(entry.target().method(), path), entry.payload(), entry.attachment(),
                        entry.createdAt(), entry.attempts(), entry.lastError(), entry.lastAttemptAt(), entry.state(),
                        entry.receipt(), entry.completedAt(), entry.label(), entry.problem());
                return next.send(resolved);
            }
            case FAILED_PERMANENT, DISMISSED -> {
                return new SendResult.Rejected(409, "The upload it depends on was refused"
                        + (e.reason() == null ? "" : ": " + e.reason()));
            }
            default -> {
                return new SendResult.RetryLater("waiting for outbox entry " + earlier + " to be uploaded first", null);
            }
        }
    }

    private static Optional<String> idIn(String receipt) {
        if (receipt == null || receipt.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode id = MAPPER.readTree(receipt).get("id");
            return id == null || !id.isTextual() ? Optional.empty() : Optional.of(id.asText());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
