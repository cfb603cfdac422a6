package cn.cqs.contract.orgs;

/**
 * An administrative region (行政区划) by its GB/T 2260 six-digit code, e.g. {@code 350000} 福建省,
 * {@code 350200} 厦门市, {@code 350203} 思明区. Regions form a tree through {@code parentCode}.
 *
 * @param level PROVINCE, CITY or COUNTY
 */
public record Region(String code, String name, String parentCode, RegionLevel level) {
}
