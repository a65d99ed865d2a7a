package cn.onedoor.supervision;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Local settings of the supervisors' page ({@code onedoor.supervision}).
 *
 * @param dueSoon how close a due date counts as "due soon" (the Tasklist filter 两日内到期 uses two days
 *     too)
 * @param listLimit the most rows one list answer carries (the total is always given)
 */
@ConfigurationProperties("onedoor.supervision")
record SupervisionSettings(
    @DefaultValue("2d") Duration dueSoon, @DefaultValue("200") int listLimit) {}
