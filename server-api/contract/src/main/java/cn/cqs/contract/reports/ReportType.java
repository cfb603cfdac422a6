package cn.cqs.contract.reports;

/**
 * The kinds of test report the system knows. Each type has its authored content record, its rule
 * and its template; the upload names the type so server and client pick the same ones.
 */
public enum ReportType {
    /** 混凝土立方体抗压强度 (GB/T 50081-2019). */
    CONCRETE_CUBE
}
