package cn.cqs.contract.reports;

import cn.cqs.contract.reports.cement.CementReportType;
import cn.cqs.contract.reports.cube.CubeStrengthResult;
import cn.cqs.contract.reports.mortar.MortarReportType;
import cn.cqs.contract.reports.rebar.RebarReportType;
import cn.cqs.contract.reports.splice.SpliceReportType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry of report types: one {@link ReportTypeDefinition} per {@link ReportType}. Adding a
 * type is a new enum constant, a subpackage with its content, validator, rule and a
 * {@code ...ReportType} class holding its definition, and one line in {@link #ALL}
 * (docs/adding-a-report-type.md).
 */
public final class ReportTypes {
    /** 混凝土立方体抗压强度: defined here because its content record predates the registry. */
    public static final ReportTypeDefinition<CubeStrengthReport, CubeStrengthResult> CONCRETE_CUBE =
            new ReportTypeDefinition<>(ReportType.CONCRETE_CUBE, "concrete-cube", "混凝土立方体抗压强度检测报告",
                    "Concrete cube compressive strength test report", List.of(CubeStrengthReport.STANDARD),
                    CubeStrengthReport.class, CubeStrengthResult.class, CubeStrengthReportValidator::validate,
                    CubeStrengthReport::evaluate, ReportKeyFields::of, CubeStrengthReport::header,
                    CubeStrengthReport::summary);

    /** Every definition, in {@link ReportType} order. */
    public static final List<ReportTypeDefinition<?, ?>> ALL = List.of(
            CONCRETE_CUBE,
            RebarReportType.DEFINITION,
            CementReportType.DEFINITION,
            MortarReportType.DEFINITION,
            SpliceReportType.DEFINITION);

    private static final Map<ReportType, ReportTypeDefinition<?, ?>> BY_TYPE = index();

    private ReportTypes() {
    }

    /** The definition of {@code type}; every type has one. */
    public static ReportTypeDefinition<?, ?> of(ReportType type) {
        ReportTypeDefinition<?, ?> definition = BY_TYPE.get(type);
        if (definition == null) {
            throw new IllegalArgumentException("No report type " + type);
        }
        return definition;
    }

    /** The definition with this {@link ReportTypeDefinition#code() code}, e.g. {@code rebar}. */
    public static Optional<ReportTypeDefinition<?, ?>> byCode(String code) {
        return ALL.stream().filter(d -> d.code().equals(code)).findFirst();
    }

    private static Map<ReportType, ReportTypeDefinition<?, ?>> index() {
        Map<ReportType, ReportTypeDefinition<?, ?>> map = new EnumMap<>(ReportType.class);
        for (ReportTypeDefinition<?, ?> d : ALL) {
            if (map.put(d.type(), d) != null) {
                throw new IllegalStateException("Two definitions of report type " + d.type());
            }
        }
        if (map.size() != ReportType.values().length) {
            throw new IllegalStateException("Every report type needs a definition; defined: " + map.keySet());
        }
        if (ALL.stream().map(ReportTypeDefinition::code).distinct().count() != ALL.size()) {
            throw new IllegalStateException("Report type codes must be unique");
        }
        return map;
    }
}
