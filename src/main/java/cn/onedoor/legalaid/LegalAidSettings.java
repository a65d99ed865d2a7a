package cn.onedoor.legalaid;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code onedoor.legal-aid}: the province's hardship line, an input of legal-aid-eligibility.dmn.
 */
@ConfigurationProperties("onedoor.legal-aid")
record LegalAidSettings(BigDecimal hardshipLine) {}
