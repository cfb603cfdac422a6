package cn.cqs.client.supervision;

/** The conclusion filter of the report search: any, qualified (合格) or unqualified (不合格). */
public enum ConclusionFilter {
    ANY,
    QUALIFIED,
    UNQUALIFIED
}
