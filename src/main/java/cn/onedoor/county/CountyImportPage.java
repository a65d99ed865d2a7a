package cn.onedoor.county;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The import page 单位与人员导入 at {@code /county/}: static HTML and JavaScript from {@code
 * static/county/}, open to load (the data behind it, {@code /api/county/**}, needs the webapps'
 * login and, to load, an administrator). Spring serves no index.html for a folder by itself, hence
 * the forward, as for the calendar and supervisors' pages.
 */
@Configuration
class CountyImportPage implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/county", "/county/");
    registry.addViewController("/county/").setViewName("forward:/county/index.html");
  }
}
