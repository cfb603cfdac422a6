package cn.cqs.contract.reports.cement;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The edition of GB 175 (通用硅酸盐水泥) a cement is judged by. GB 175-2023 was issued on
 * 2023-11-27 and took effect on 2024-06-01, replacing GB 175-2007 (with its amendments). This
 * system picks the edition by the report's test date: before 2024-06-01 the 2007 edition, from
 * that day the 2023 edition.
 */
public enum Gb175Edition {
    /** GB 175-2007 with its amendments, up to 2024-05-31. */
    GB_175_2007("GB 175-2007"),
    /** GB 175-2023, from 2024-06-01. */
    GB_175_2023("GB 175-2023");

    /** The day GB 175-2023 took effect (实施日期). */
    public static final LocalDate GB_175_2023_EFFECTIVE = LocalDate.of(2024, 6, 1);

    private final String standard;

    Gb175Edition(String standard) {
        this.standard = standard;
    }

    /** The standard as a report names it (检测依据), e.g. {@code GB 175-2023}. */
    public String standard() {
        return standard;
    }

    /** The edition in force on {@code testDate}. */
    public static Gb175Edition forTestDate(LocalDate testDate) {
        Objects.requireNonNull(testDate, "testDate");
        return testDate.isBefore(GB_175_2023_EFFECTIVE) ? GB_175_2007 : GB_175_2023;
    }
}
