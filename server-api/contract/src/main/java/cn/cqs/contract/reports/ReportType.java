package cn.cqs.contract.reports;

/**
 * The kinds of test report the system knows. Each type has its authored content record, its rule
 * and its template, listed once in {@link ReportTypes}; the upload names the type so server and
 * client pick the same ones. Names are stored and signed: never rename one.
 */
public enum ReportType {
    /** 混凝土立方体抗压强度 (GB/T 50081-2019). */
    CONCRETE_CUBE,
    /** 热轧带肋钢筋拉伸、弯曲及重量偏差 (GB/T 1499.2-2018). */
    REBAR,
    /** 水泥物理力学性能 (GB 175-2007 / GB 175-2023, GB/T 17671-2021). */
    CEMENT,
    /** 砌筑砂浆立方体抗压强度 (JGJ/T 70-2009). */
    MORTAR,
    /** 钢筋机械连接接头 / 钢筋焊接接头拉伸 (JGJ 107-2016 / JGJ 18-2012). */
    REBAR_SPLICE
}
