package cn.onedoor.mediation;

import java.time.Period;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Local settings of mediation ({@code onedoor.mediation}): which channels' periods are statutory
 * (expiry means the mediation failed), how long a target-only period may overrun before the case
 * counts as expired, and when an agreement without a performance date is followed up.
 */
@ConfigurationProperties("onedoor.mediation")
record MediationSettings(
    Set<String> statutoryChannels, Period targetOverrun, Period defaultFollowUpAfter) {}
