package cn.cqs.client.batches;

/** What became of a registration sent through the outbox, as far as known after waiting a moment. */
public sealed interface SendOutcome {
    /** The server accepted it; {@code receipt} is its answer (JSON). */
    record Delivered(String receipt) implements SendOutcome {
    }

    /** The server refused it; {@code message} is its reason with the field errors ({@code field: message; ...}). */
    record Refused(String message) implements SendOutcome {
    }

    /** Still waiting in the outbox (offline, or the server is slow); {@code lastError} says why, or null. */
    record Waiting(String lastError) implements SendOutcome {
    }
}
