/**
 * 监管统计 (regulators' view of reports): the statistics records of
 * {@code GET /api/v1/supervision/report-statistics}, the period and grouping rules, which
 * conclusions count as unqualified (不合格) and the rate arithmetic (GB/T 8170 rounding), shared by
 * server and client.
 */
package cn.cqs.contract.supervision;
