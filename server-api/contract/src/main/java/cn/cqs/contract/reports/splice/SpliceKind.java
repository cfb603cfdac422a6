package cn.cqs.contract.reports.splice;

/** Which kind of rebar joint a splice report covers, and the standard it is judged by. */
public enum SpliceKind {
    /** 钢筋机械连接接头 (JGJ 107-2016): threaded or swaged couplers. */
    MECHANICAL("JGJ 107-2016"),
    /** 钢筋焊接接头 (JGJ 18-2012): the tensile test of butt and lap welds. */
    WELDED("JGJ 18-2012");

    private final String standard;

    SpliceKind(String standard) {
        this.standard = standard;
    }

    /** The standard a report of this kind names (检测依据 / 判定依据). */
    public String standard() {
        return standard;
    }
}
