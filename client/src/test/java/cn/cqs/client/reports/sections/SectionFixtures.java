package cn.cqs.client.reports.sections;

import cn.cqs.contract.problem.Problem;
import cn.cqs.contract.reports.ReportHeader;
import cn.cqs.contract.reports.ReportTypes;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Shared test data for the section view model tests: a complete header and the validator's errors. */
final class SectionFixtures {
    static final UUID PROJECT = UUID.fromString("6f1c2b8e-3a44-4c1e-9a1b-0d2e3f405162");

    private SectionFixtures() {
    }

    static ReportHeader header(String number, String standard, LocalDate sampled, LocalDate tested) {
        return new ReportHeader(number, "WT-2026-00031", PROJECT, "厦门市翔安区保障性住房项目", "3#楼 十二层",
                "样品", "YP-2026-0301", sampled, tested, standard, "林建国", "JZ-35-2023-00412", "厦门某监理有限公司",
                "王磊");
    }

    /** The validator's errors for what the section holds, with {@code header}. */
    static List<Problem.FieldError> errors(ReportContentSection section, ReportHeader header) {
        return ReportTypes.of(section.type()).validate(section.content(header));
    }

    static List<String> fields(List<Problem.FieldError> errors) {
        return errors.stream().map(Problem.FieldError::field).toList();
    }

    static String line(ReportContentSection section, String id) {
        return section.results().stream().filter(l -> l.id().equals(id)).map(ResultLine::value).findFirst()
                .orElseThrow(() -> new AssertionError("no result line " + id + " in " + section.results()));
    }
}
