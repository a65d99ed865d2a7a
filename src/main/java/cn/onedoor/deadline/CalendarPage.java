package cn.onedoor.deadline;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The holiday-notice page at {@code /calendar/}: static HTML and JavaScript from {@code
 * static/calendar/}, open to load (the data behind it, {@code /api/calendar/**}, needs the webapps'
 * login). Spring serves no index.html for a folder by itself, hence the forward, as for the
 * supervisors' page.
 */
@Configuration
class CalendarPage implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/calendar", "/calendar/");
    registry.addViewController("/calendar/").setViewName("forward:/calendar/index.html");
  }
}
