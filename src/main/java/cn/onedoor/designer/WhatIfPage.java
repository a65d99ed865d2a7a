package cn.onedoor.designer;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The designers' what-if page at {@code /designer/what-if/}: static HTML and JavaScript from {@code
 * static/designer/what-if/}, open to load (the API behind it, {@code /api/designer/**}, needs the
 * webapps' login). Spring serves no index.html for a folder by itself, hence the forward, as for
 * the other pages.
 */
@Configuration
class WhatIfPage implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/designer/what-if", "/designer/what-if/");
    registry
        .addViewController("/designer/what-if/")
        .setViewName("forward:/designer/what-if/index.html");
  }
}
