package cn.cqs.contract.supervision;

import java.util.UUID;

/**
 * The lab (检测机构) a statistics row is about.
 *
 * @param uscc its unified social credit code (统一社会信用代码); null if it has none registered
 */
public record StatisticsLab(UUID id, String name, String uscc) {
}
