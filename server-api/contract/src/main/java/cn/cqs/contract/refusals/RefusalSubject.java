package cn.cqs.contract.refusals;

/** What a refusal report (拒收举报) refuses. */
public enum RefusalSubject {
    /** 检测报告: a paper report whose QR code was scanned. */
    REPORT,
    /** 生产批次: ready-mixed concrete whose delivery ticket or label QR (生产流水号) was scanned. */
    BATCH,
    /**
     * 无流水号混凝土: ready-mixed concrete delivered without any serial number or QR code; the buyer
     * describes the delivery (truck, plant, project, pour location) and attaches a photo.
     */
    CONCRETE_WITHOUT_SERIAL
}
