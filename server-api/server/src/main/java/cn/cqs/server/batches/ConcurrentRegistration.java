package cn.cqs.server.batches;

/**
 * Thrown inside a registering transaction when another request registered the same plant id
 * between our look-up and our insert; the transaction rolls back (so no serial number is spent)
 * and the registration is tried again, then finding the other request's record.
 */
final class ConcurrentRegistration extends RuntimeException {
    ConcurrentRegistration() {
        super("registered concurrently", null, false, false);
    }

    /** Runs a registering transaction, once more when it met a concurrent registration of the same id. */
    static <T> T retried(java.util.function.Supplier<T> registration) {
        try {
            return registration.get();
        } catch (ConcurrentRegistration e) {
            return registration.get();
        }
    }
}
