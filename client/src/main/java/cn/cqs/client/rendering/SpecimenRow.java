package cn.cqs.client.rendering;

import java.util.Objects;

/**
 * One specimen (试件) line of the printed report, as display-ready text.
 *
 * @param specimenNumber e.g. "1"
 * @param failureLoadKn  the failure load (破坏荷载) in kN, formatted, e.g. "815.6"
 * @param strengthMpa    the specimen's strength (抗压强度) in MPa to 0.1, e.g. "36.2"
 */
public record SpecimenRow(String specimenNumber, String failureLoadKn, String strengthMpa) {

    public SpecimenRow {
        Objects.requireNonNull(specimenNumber, "specimenNumber");
        Objects.requireNonNull(failureLoadKn, "failureLoadKn");
        Objects.requireNonNull(strengthMpa, "strengthMpa");
    }
}
