package cn.onedoor.migration;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The designers' migration page at {@code /migrations/}: static HTML and JavaScript from {@code
 * static/migrations/}, open to load (the data behind it, {@code /api/designer/migrations/**}, needs
 * the webapps' login as a designer). Forwarded like the supervisors' and the calendar pages.
 */
@Configuration
class MigrationPage implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/migrations", "/migrations/");
    registry.addViewController("/migrations/").setViewName("forward:/migrations/index.html");
  }
}
