package cn.onedoor.simulation;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code onedoor.simulation}: whether the external systems are simulated inside the application
 * (default profile) and where the simulated systems send their callbacks (this application, over
 * HTTP).
 */
@ConfigurationProperties("onedoor.simulation")
record SimulationProperties(boolean enabled, String callbackBaseUrl) {}
