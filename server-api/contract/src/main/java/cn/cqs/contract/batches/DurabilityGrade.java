package cn.cqs.contract.batches;

import java.util.Objects;

/**
 * One durability code in a {@link ConcreteMarking}, e.g. {@code P8} (抗渗等级 P8) or
 * {@code Q-III} (电通量法抗氯离子渗透性能等级 III).
 *
 * @param kind  what the code states
 * @param grade the grade value after the prefix, one of {@link DurabilityKind#grades()}
 */
public record DurabilityGrade(DurabilityKind kind, String grade) {
    public DurabilityGrade {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(grade, "grade");
        if (!kind.grades().contains(grade)) {
            throw new IllegalArgumentException("No " + kind.englishName() + " grade " + kind.prefix() + grade
                    + "; JGJ/T 193-2009 defines " + kind.allowedCodes());
        }
    }

    /** The code as written in a marking, e.g. {@code P8}, {@code F250}, {@code Q-III}. */
    public String code() {
        return kind.prefix() + grade;
    }

    @Override
    public String toString() {
        return code();
    }
}
