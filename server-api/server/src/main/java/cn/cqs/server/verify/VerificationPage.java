package cn.cqs.server.verify;

import cn.cqs.contract.batches.NotificationState;
import cn.cqs.contract.verify.VerificationResponse.PublicBatch;

import cn.cqs.contract.reports.ReportStatus;
import cn.cqs.contract.reports.Conclusion;
import cn.cqs.contract.reports.ReportTypeDefinition;
import cn.cqs.contract.reports.ReportTypes;
import cn.cqs.contract.verify.VerificationResponse;
import cn.cqs.contract.verify.VerificationResponse.PublicReport;
import cn.cqs.contract.verify.VerificationResponse.TokenClaims;
import cn.cqs.contract.verify.VerifyOutcome;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * 核验页面: the small HTML page a phone opens from the QR code's URL ({@code GET /v/{token}}). One
 * self-contained page (inline CSS, no scripts, no external resources), Chinese first with English,
 * the verdict in plain words and colour, the token's claims and the record's public fields. Every
 * value is HTML-escaped.
 */
public final class VerificationPage {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(cn.cqs.contract.time.ChinaTime.ZONE);

    private VerificationPage() {
    }

    public static String render(VerificationResponse response) {
        return render(response, null);
    }

    /**
     * The page, with a link to the report's signed PDF when {@code pdfHref} is given (only for a
     * genuine token whose record is in the system).
     */
    public static String render(VerificationResponse response, String pdfHref) {
        VerifyOutcome outcome = response.outcome();
        boolean batch = response.batch() != null
                || response.claims() != null && "BATCH".equals(response.claims().kind());
        StringBuilder html = new StringBuilder(4096);
        html.append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<meta name=\"robots\" content=\"noindex\">")
                .append(batch
                        ? "<title>批次核验 Batch verification</title><style>" : "<title>报告核验 Report verification</title><style>")
                .append("body{font-family:-apple-system,\"PingFang SC\",\"Microsoft YaHei\",\"Noto Sans CJK SC\",sans-serif;")
                .append("margin:0;background:#f4f5f7;color:#202124;line-height:1.5}")
                .append("main{max-width:640px;margin:0 auto;padding:16px}")
                .append(".verdict{color:#fff;border-radius:8px;padding:16px;margin-bottom:16px}")
                .append(".verdict h1{font-size:1.3em;margin:0 0 4px}.verdict p{margin:0;opacity:.92}")
                .append("section{background:#fff;border-radius:8px;padding:12px 16px;margin-bottom:16px}")
                .append("h2{font-size:1em;margin:0 0 8px;color:#5f6368}")
                .append("dl{display:grid;grid-template-columns:minmax(7em,auto) 1fr;gap:4px 12px;margin:0}")
                .append("dt{color:#5f6368}dd{margin:0;word-break:break-all}")
                .append(".note{font-size:.85em;color:#5f6368}")
                .append("a.pdf{display:inline-block;margin-top:10px;padding:8px 12px;border-radius:6px;")
                .append("background:#1a73e8;color:#fff;text-decoration:none}</style></head><body><main>\n");
        html.append("<div class=\"verdict\" style=\"background:").append(Verdicts.colour(outcome)).append("\">")
                .append("<h1>").append(escape(batch ? Verdicts.batchChinese(outcome) : Verdicts.chinese(outcome)))
                .append("</h1>")
                .append("<p>").append(escape(batch ? Verdicts.batchEnglish(outcome) : Verdicts.english(outcome)))
                .append("</p></div>\n");
        if (response.record() != null && response.record().status() != ReportStatus.VALID) {
            statusNotice(html, response.record());
        }
        TokenClaims claims = response.claims();
        if (claims != null) {
            boolean trusted = outcome == VerifyOutcome.GENUINE_IN_SYSTEM || outcome == VerifyOutcome.GENUINE_NOT_UPLOADED
                    || outcome == VerifyOutcome.DIGEST_MISMATCH;
            html.append("<section><h2>二维码声明 / What the code says").append(trusted ? "" : "（未经证实 / unverified）")
                    .append("</h2><dl>");
            row(html, "类型 Kind", kind(claims.kind()));
            row(html, "签发单位 Issuer", claims.issuerName());
            row(html, "统一社会信用代码 USCC", claims.issuerUscc());
            row(html, "编号 Number", claims.documentNumber());
            row(html, "签发时间 Issued", time(claims.issuedAt()));
            row(html, "密钥标识 Key id", claims.keyId());
            html.append("</dl></section>\n");
        }
        PublicReport r = response.record();
        if (r != null) {
            html.append("<section><h2>系统记录 / Record in the system</h2><dl>");
            if (r.type() != null) {
                ReportTypeDefinition<?, ?> type = ReportTypes.of(r.type());
                row(html, "报告类型 Report type", type.nameZh() + " " + type.nameEn());
            }
            row(html, "报告编号 Report no.", r.reportNumber());
            row(html, "检测机构 Testing lab", r.issuerName());
            row(html, "工程名称 Project", r.projectName());
            row(html, "工程部位 Part", r.projectPart());
            row(html, "样品 Sample", r.sampleName() + (r.sampleId() == null ? "" : " (" + r.sampleId() + ")"));
            row(html, "规格等级 Grade", r.designGrade());
            if (r.specimenSizeMm() != null) {
                row(html, "试件尺寸 Specimen", r.specimenSizeMm() + " mm");
            }
            row(html, "检测日期 Test date", r.testDate() == null ? null : r.testDate().toString());
            if (r.representativeStrengthMpa() != null) {
                row(html, "强度代表值 Strength", r.representativeStrengthMpa().toPlainString() + " MPa");
            }
            row(html, "结论 Conclusion", conclusion(r.conclusion()));
            row(html, "签发时间 Issued", time(r.issuedAt()));
            row(html, "上传时间 Received", time(r.receivedAt()) + (r.late() ? "（超过24小时 / more than 24 h late）" : ""));
            row(html, "状态 Status", status(r.status()));
            html.append("</dl>");
            if (pdfHref != null) {
                html.append("<p><a class=\"pdf\" href=\"").append(escape(pdfHref))
                        .append("\">查看已签章的报告 PDF / Open the signed report PDF</a></p>");
            }
            html.append("</section>\n");
        }
        PublicBatch b = response.batch();
        if (b != null) {
            html.append("<section><h2>系统记录 / Record in the system</h2><dl>");
            row(html, "生产流水号 Serial no.", b.serialNumber());
            row(html, "供方 Plant", b.plantName());
            row(html, "统一社会信用代码 USCC", b.plantUscc());
            row(html, "工程名称 Project", b.projectName());
            row(html, "需方 Buyer", b.buyer());
            row(html, "浇筑部位 Pour location", b.pourLocation());
            row(html, "混凝土标记 Marking", b.marking());
            row(html, "计划方量 Volume", b.volumeM3() == null ? null : b.volumeM3().stripTrailingZeros().toPlainString() + " m³");
            row(html, "计划开盘 Planned start", time(b.plannedStart()));
            row(html, "登记时间 Registered", time(b.registeredAt()));
            row(html, "开盘时间 Started", time(b.startedAt()));
            row(html, "开盘告知 Start notification", notification(b.startNotification()));
            row(html, "完成时间 Ended", time(b.endedAt()));
            row(html, "完成告知 End notification", notification(b.endNotification()));
            row(html, "实际方量 Produced", b.producedVolumeM3() == null ? null
                    : b.producedVolumeM3().stripTrailingZeros().toPlainString() + " m³");
            html.append("</dl></section>\n");
        }
        if (b != null) {
            html.append("<p class=\"note\">请将以上信息与发货单逐项核对。Compare these details with the delivery ticket.</p>");
        } else if (response.claims() != null || r != null) {
            html.append("<p class=\"note\">请将以上信息与纸质报告逐项核对。Compare these details with the paper report.</p>");
        }
        html.append("</main></body></html>\n");
        return html.toString();
    }

    private static void row(StringBuilder html, String label, String value) {
        html.append("<dt>").append(escape(label)).append("</dt><dd>").append(escape(value == null ? "—" : value))
                .append("</dd>");
    }

    private static String time(Instant t) {
        return t == null ? null : TIME.format(t) + " (北京时间 / UTC+8)";
    }

    private static String kind(String kind) {
        return switch (kind) {
            case "REPORT" -> "检测报告 Test report";
            case "BATCH" -> "生产批次 Production batch";
            case "PILE_TEST" -> "基桩检测 Pile test";
            default -> kind;
        };
    }

    private static String notification(NotificationState state) {
        if (state == null) {
            return null;
        }
        return switch (state) {
            case NOT_DUE -> "未到期 Not due yet";
            case DUE -> "待告知 Due (within the hour)";
            case ON_TIME -> "按时告知 On time";
            case LATE -> "逾期告知 Late (more than 1 hour)";
            case MISSING -> "未告知 Missing";
        };
    }

    private static String conclusion(Conclusion c) {
        return c == null ? null : c.nameZh() + " " + c.nameEn();
    }

    /**
     * A prominent notice that a genuine report is no longer the one to rely on: superseded by a
     * correction (naming it) or withdrawn, with the lab's reason.
     */
    private static void statusNotice(StringBuilder html, PublicReport r) {
        boolean superseded = r.status() == ReportStatus.SUPERSEDED;
        String chinese = superseded
                ? "报告真实，但已被更正报告" + (r.supersededByNumber() == null ? "" : " " + r.supersededByNumber()) + " 取代"
                : "报告真实，但已被检测机构撤回";
        String english = superseded
                ? "Genuine, but superseded by a correction" + (r.supersededByNumber() == null ? ""
                        : " (report " + r.supersededByNumber() + ")") + ": do not rely on this version"
                : "Genuine, but withdrawn by the lab: do not rely on this report";
        html.append("<div id=\"status-notice\" class=\"verdict\" style=\"background:#b3261e\">")
                .append("<h1>").append(escape(chinese)).append("</h1>")
                .append("<p>").append(escape(english)).append("</p>");
        if (r.statusReason() != null) {
            html.append("<p>原因 Reason: ").append(escape(r.statusReason())).append("</p>");
        }
        if (r.statusChangedAt() != null) {
            html.append("<p>").append(escape(superseded ? "更正时间 Corrected: " : "撤回时间 Withdrawn: "))
                    .append(escape(time(r.statusChangedAt()))).append("</p>");
        }
        html.append("</div>\n");
    }

    private static String status(ReportStatus s) {
        return switch (s) {
            case VALID -> "有效 Valid";
            case SUPERSEDED -> "已被更正 Superseded by a correction";
            case WITHDRAWN -> "已撤回 Withdrawn";
        };
    }

    /** HTML-escapes text for element content and quoted attribute values. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
