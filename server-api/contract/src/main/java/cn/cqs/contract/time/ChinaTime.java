package cn.cqs.contract.time;

import java.time.ZoneId;

/**
 * 北京时间 (China Standard Time, UTC+8): the one time zone in which the system writes, judges and
 * shows local dates and times — report test dates, the days of statistics periods, dosing files'
 * local times, and every time a screen shows — whatever zone the computer itself is set to, so that
 * one event reads the same on every screen and on paper.
 */
public final class ChinaTime {
    /** Asia/Shanghai. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private ChinaTime() {
    }
}
