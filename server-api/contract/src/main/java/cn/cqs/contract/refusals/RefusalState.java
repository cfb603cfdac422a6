package cn.cqs.contract.refusals;

/** Where a refusal report (拒收举报) stands with the regulator. */
public enum RefusalState {
    /** 待处理: filed, no regulator has taken it yet. */
    OPEN,
    /** 处理中: a regulator of the jurisdiction took it, with a note. */
    IN_PROGRESS,
    /** 已办结: closed with a finding. */
    CLOSED
}
