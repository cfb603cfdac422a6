package cn.cqs.client.rendering;

import java.util.Objects;

/**
 * The witness (见证人) of sampling, as printed: name, certificate number and organisation.
 * Blank values print as "/" like any empty cell of the report.
 */
public record Witness(String name, String certificateNumber, String organisation) {

    /** No witness recorded. */
    public static final Witness NONE = new Witness("", "", "");

    public Witness {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(certificateNumber, "certificateNumber");
        Objects.requireNonNull(organisation, "organisation");
    }
}
