package cn.cqs.client.rendering;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything printed on a concrete cube compressive strength report (混凝土立方体抗压强度检测报告),
 * already formatted as text: the renderer does no arithmetic, rounding or date formatting, so the
 * report record and its rules (elsewhere) stay the single source of the numbers. Empty optional
 * values print as "/", the usual mark for an empty cell on Chinese test reports.
 *
 * @param labName                  the testing agency (检测机构)
 * @param reportNumber             the lab's own report number (报告编号), required
 * @param commissionNumber         the commission number (委托编号)
 * @param projectName              the project (工程名称), required; long names wrap
 * @param projectPart              the part of the works (工程部位)
 * @param sampleName               the sample (样品名称), required
 * @param sampleId                 the sample number (样品编号)
 * @param representativeQuantity   the quantity the sample represents (代表数量), e.g. "120 m³"
 * @param designGrade              the design strength grade (设计强度等级), e.g. "C30", required
 * @param specimenSize             specimen size (试件尺寸), e.g. "150×150×150 mm"
 * @param samplingDate             sampling or moulding date (取样/成型日期)
 * @param testDate                 test date (检测日期)
 * @param age                      age at test (龄期), e.g. "28 d"
 * @param standard                 the test standard (检测依据), e.g. "GB/T 50081-2019"
 * @param specimens                the three specimens of the group, in order
 * @param groupMethod              how the group value was found (平均值 / 取中间值 / 无效)
 * @param representativeStrength   the group's representative strength (强度代表值) in MPa, required
 * @param sizeFactor               the size conversion factor (尺寸换算系数), e.g. "1.00"
 * @param percentOfDesign          representative strength as a percentage of the grade (达到设计强度), e.g. "121"
 * @param conclusion               the conclusion (检测结论), required; long text wraps
 * @param witness                  the witness, or {@link Witness#NONE}
 * @param sampler                  who took the sample (取样人)
 * @param tester                   who tested (检测)
 * @param reviewer                 who reviewed (审核)
 * @param approver                 who approved (批准)
 * @param issueDate                the issue date (签发日期), required
 * @param qrPayload                the text of the verification QR code (URL with signed token), required
 */
public record CubeReportPrint(
        String labName,
        String reportNumber,
        String commissionNumber,
        String projectName,
        String projectPart,
        String sampleName,
        String sampleId,
        String representativeQuantity,
        String designGrade,
        String specimenSize,
        String samplingDate,
        String testDate,
        String age,
        String standard,
        List<SpecimenRow> specimens,
        String groupMethod,
        String representativeStrength,
        String sizeFactor,
        String percentOfDesign,
        String conclusion,
        Witness witness,
        String sampler,
        String tester,
        String reviewer,
        String approver,
        String issueDate,
        String qrPayload) implements ReportPrint {

    /** The compiled cube template on the class path. */
    public static final String TEMPLATE_RESOURCE = "/cn/cqs/client/rendering/CubeStrengthReport.jasper";

    /** Specimens in one group (一组) under GB/T 50081. */
    public static final int SPECIMENS_PER_GROUP = 3;

    public CubeReportPrint {
        required(labName, "labName");
        required(reportNumber, "reportNumber");
        present(commissionNumber, "commissionNumber");
        required(projectName, "projectName");
        present(projectPart, "projectPart");
        required(sampleName, "sampleName");
        present(sampleId, "sampleId");
        present(representativeQuantity, "representativeQuantity");
        required(designGrade, "designGrade");
        present(specimenSize, "specimenSize");
        present(samplingDate, "samplingDate");
        present(testDate, "testDate");
        present(age, "age");
        present(standard, "standard");
        Objects.requireNonNull(specimens, "specimens");
        if (specimens.size() != SPECIMENS_PER_GROUP) {
            throw new IllegalArgumentException("specimens: a group has " + SPECIMENS_PER_GROUP
                    + " specimens, got " + specimens.size());
        }
        for (int i = 0; i < specimens.size(); i++) {
            Objects.requireNonNull(specimens.get(i), "specimens[" + i + "]");
        }
        specimens = List.copyOf(specimens);
        present(groupMethod, "groupMethod");
        required(representativeStrength, "representativeStrength");
        present(sizeFactor, "sizeFactor");
        present(percentOfDesign, "percentOfDesign");
        required(conclusion, "conclusion");
        Objects.requireNonNull(witness, "witness");
        present(sampler, "sampler");
        present(tester, "tester");
        present(reviewer, "reviewer");
        present(approver, "approver");
        required(issueDate, "issueDate");
        required(qrPayload, "qrPayload");
    }

    @Override
    public String templateResource() {
        return TEMPLATE_RESOURCE;
    }

    @Override
    public String documentTitle() {
        return "混凝土立方体抗压强度检测报告 " + reportNumber;
    }

    @Override
    public Map<String, String> textParameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("labName", labName);
        p.put("reportNumber", reportNumber);
        p.put("commissionNumber", commissionNumber);
        p.put("projectName", projectName);
        p.put("projectPart", projectPart);
        p.put("sampleName", sampleName);
        p.put("sampleId", sampleId);
        p.put("representativeQuantity", representativeQuantity);
        p.put("designGrade", designGrade);
        p.put("specimenSize", specimenSize);
        p.put("samplingDate", samplingDate);
        p.put("testDate", testDate);
        p.put("age", age);
        p.put("standard", standard);
        p.put("groupMethod", groupMethod);
        p.put("representativeStrength", representativeStrength);
        p.put("sizeFactor", sizeFactor);
        p.put("percentOfDesign", percentOfDesign);
        p.put("conclusion", conclusion);
        p.put("witnessName", witness.name());
        p.put("witnessCertificateNumber", witness.certificateNumber());
        p.put("witnessOrganisation", witness.organisation());
        p.put("sampler", sampler);
        p.put("tester", tester);
        p.put("reviewer", reviewer);
        p.put("approver", approver);
        p.put("issueDate", issueDate);
        return p;
    }

    @Override
    public List<Map<String, String>> rows() {
        return specimens.stream()
                .map(s -> Map.of("specimenNumber", s.specimenNumber(), "failureLoadKn", s.failureLoadKn(),
                        "strengthMpa", s.strengthMpa()))
                .toList();
    }

    private static void required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + ": must not be blank");
        }
    }

    private static void present(String value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + ": must not be null (use an empty string when unknown)");
        }
    }
}
