package cn.cqs.client.batches;

/** What became of a registration sent through the outbox, as far as known after waiting a moment. */
public sealed interface SendOutcome {
    /** The server accepted it; {@code receipt} is its answer (JSON). */
    record Delivered(String receipt) implements SendOutcome {
    }

    /**
     * The server refused it.
     *
     * @param message the outbox's summary of the refusal ({@code HTTP 422: detail})
     * @param problem the server's problem document with its field errors, or null when the refusal came
     *                without one
     */
    record Refused(String message, cn.cqs.contract.problem.Problem problem) implements SendOutcome {
        /** The field errors of the refusal, empty when none. */
        public java.util.List<cn.cqs.contract.problem.Problem.FieldError> fieldErrors() {
            return problem == null ? java.util.List.of() : problem.errors();
        }
    }

    /** Still waiting in the outbox (offline, or the server is slow); {@code lastError} says why, or null. */
    record Waiting(String lastError) implements SendOutcome {
    }
}
