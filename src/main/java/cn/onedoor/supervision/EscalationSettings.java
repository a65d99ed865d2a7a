package cn.onedoor.supervision;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Local escalation settings ({@code onedoor.escalation}); the rungs themselves are in
 * escalation-policy.dmn.
 */
@ConfigurationProperties("onedoor.escalation")
record EscalationSettings(Period acknowledgeWithin, Period defaultAnswerWithin) {}
