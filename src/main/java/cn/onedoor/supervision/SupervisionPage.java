package cn.onedoor.supervision;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The supervisors' page at {@code /supervision/}: static HTML and JavaScript from {@code
 * static/supervision/}, open to load (the data behind it needs the webapps' login). The page asks
 * for its data at {@code /api/supervision/**}.
 */
@Configuration
class SupervisionPage implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/supervision", "/supervision/");
    registry.addViewController("/supervision/").setViewName("forward:/supervision/index.html");
  }
}
