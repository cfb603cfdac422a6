package cn.cqs.contract.batches.dosing;

/** How a set of dosing records reached the server. */
public enum DosingSource {
    /** The batching control system's CSV export ({@code text/csv}). */
    CSV,
    /** JSON plates ({@link DosingUpload}). */
    JSON
}
