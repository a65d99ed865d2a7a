/*
 * OneDoor (一扇门): the two things about language that config.js and the locale files cannot do on their own in
 * Camunda 7.24. Each app's config.js loads this AMD module through requireJsConfig (deps + ngDeps); its config
 * blocks run after the app's own.
 *
 * 1. Date formats. 7.24 wires config.js dateFormat into the date filter (camDate) of Tasklist only: Cockpit
 *    hard-codes its own ("normal" is 'YYYY-MM-DD[T]HH:mm:ss', the same in every language) and Admin and Welcome
 *    keep built-in defaults. Here every app takes config.js dateFormat. The formats are moment.js locale tokens
 *    (LL, LLL, LTS …) that the chosen locale file's dateLocales render, e.g. 2026年11月29日 22:27.
 *
 * 2. Date language. Each locale file that loads (the chosen one and the English fallback) registers its
 *    dateLocales with moment.js, and moment makes the last one registered the language of every date: often
 *    English on a Chinese page. When another language than the page's finishes loading, the page's own file is
 *    loaded again (from the webapps' local cache), which makes its dates the current ones again. moment itself
 *    is not reachable from here in Tasklist and Admin.
 *
 * 3. Application switcher (the house icon in the header). Its entries are fixed English names ("Cockpit",
 *    "Tasklist", "Admin") that the header prints without translating; here they take the locale's
 *    COCKPIT_APP, TASKLIST_APP and ADMIN_APP labels.
 *
 * 4. Date picker (due and follow-up dates, date variables). It takes month and weekday names from AngularJS's
 *    built-in English $locale, not from the locale files; on a Chinese page it gets Chinese names, a
 *    "2026年11月" title and weeks that start on Monday, as in zh.json's dateLocales.
 */
define(['angular'], function (angular) {
  'use strict';

  var APP_LABELS = {cockpit: 'COCKPIT_APP', tasklist: 'TASKLIST_APP', admin: 'ADMIN_APP'};

  var CHINESE_CALENDAR = {
    MONTH: ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月'],
    SHORTMONTH: ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'],
    DAY: ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'],
    SHORTDAY: ['周日', '周一', '周二', '周三', '周四', '周五', '周六'],
    AMPMS: ['上午', '下午'],
    FIRSTDAYOFWEEK: 0 // AngularJS counts from Monday
  };

  return angular.module('onedoor.i18n', [])
    .config([
      'camDateFormatProvider',
      'configurationProvider',
      function (camDateFormatProvider, configurationProvider) {
        ['monthName', 'day', 'abbr', 'normal', 'long', 'short'].forEach(function (name) {
          camDateFormatProvider.setDateFormat(configurationProvider.getDateFormat(name), name);
        });
      }
    ])
    .run([
      '$rootScope',
      '$translate',
      function ($rootScope, $translate) {
        $rootScope.$on('$translateLoadingSuccess', function (event, loaded) {
          var pageLanguage = $translate.use();
          if (pageLanguage && loaded && loaded.language && loaded.language !== pageLanguage) {
            $translate.refresh(pageLanguage);
          }
        });
      }
    ])
    .run([
      '$rootScope',
      '$translate',
      '$locale',
      '$injector',
      function ($rootScope, $translate, $locale, $injector) {
        function chineseDatePicker() {
          var language = $translate.use() || $translate.proposedLanguage();
          if (!language || language.indexOf('zh') !== 0) {
            return;
          }
          angular.extend($locale.DATETIME_FORMATS, CHINESE_CALENDAR);
          $locale.DATETIME_FORMATS.STANDALONEMONTH = CHINESE_CALENDAR.MONTH;
          if ($injector.has('uibDatepickerConfig')) {
            angular.extend($injector.get('uibDatepickerConfig'), {
              formatDayTitle: 'yyyy年M月',
              formatMonthTitle: 'yyyy年',
              startingDay: 1
            });
          }
          if ($injector.has('uibDatepickerPopupConfig')) {
            angular.extend($injector.get('uibDatepickerPopupConfig'), {
              currentText: '今天',
              clearText: '清除',
              closeText: '完成'
            });
          }
        }
        $rootScope.$on('$translateChangeSuccess', chineseDatePicker);
        chineseDatePicker();
      }
    ])
    .config([
      '$provide',
      function ($provide) {
        $provide.decorator('camWidgetHeaderDirective', [
          '$delegate',
          function ($delegate) {
            var header = $delegate[0];
            var injected = header.controller.slice(0, -1);
            var controller = header.controller[header.controller.length - 1];
            header.controller = injected.concat(['$translate', function () {
              var args = Array.prototype.slice.call(arguments);
              var $translate = args.pop();
              var scope = args[0];
              controller.apply(this, args);
              scope.$watch('apps', function (apps) {
                angular.forEach(apps, function (app, name) {
                  if (APP_LABELS[name]) {
                    $translate(APP_LABELS[name]).then(function (label) {
                      app.label = label;
                    });
                  }
                });
              });
            }]);
            return $delegate;
          }
        ]);
      }
    ]);
});
