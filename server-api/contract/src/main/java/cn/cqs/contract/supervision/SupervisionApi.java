package cn.cqs.contract.supervision;

import cn.cqs.contract.ApiVersion;

/** Paths and parameters of the regulators' supervision endpoints. */
public final class SupervisionApi {
    /** {@code GET}: report statistics, parameters {@code from}, {@code to}, {@code groupBy}. */
    public static final String REPORT_STATISTICS = ApiVersion.BASE_PATH + "/supervision/report-statistics";

    private SupervisionApi() {
    }
}
