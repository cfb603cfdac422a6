package cn.cqs.contract.orgs;

/** The level of a region and of the regulator whose jurisdiction it is (省 > 市 > 县/区). */
public enum RegionLevel {
    PROVINCE,
    CITY,
    COUNTY
}
