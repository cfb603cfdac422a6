package cn.cqs.client.reports;

import cn.cqs.contract.reports.ReportType;

/**
 * A report of this type cannot be issued by this client yet: it has no PDF template. The report
 * stays a draft; nothing is signed or queued.
 */
public final class ReportTemplateUnavailableException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final ReportType type;

    public ReportTemplateUnavailableException(ReportType type) {
        super("This client has no PDF template for " + type + " reports yet; the report stays a draft");
        this.type = type;
    }

    /** The type without a template. */
    public ReportType type() {
        return type;
    }
}
