/*
 * OneDoor (一扇门): Cockpit configuration. Replaces the webjar's app/cockpit/scripts/config.js (Spring Boot
 * serves our classpath copy first).
 *
 * Language: the webapps take the first entry of navigator.languages, cut it at '-' and look that prefix up in
 * availableLocales. So 'zh' covers zh-CN (and any other zh-*); English stays selectable by the browser language.
 * Chinese texts: ../locales/zh.json (checked against the webjar's en.json by WebappLocaleCompletenessTest).
 *
 * Dates: the formats below are moment.js locale tokens, so each language renders its own pattern
 * (zh.json dateLocales: 2026年11月29日 14:05); ../../onedoor/i18n.js makes the app use them. The time
 * zone is always the browser's own: Camunda 7 webapps have no setting for it; county PCs run on China Standard
 * Time (Asia/Shanghai) and the footer names the zone.
 */
export default {
  // Header and browser title read "<vendor> <name>".
  app: {
    name: '流程监控',
    vendor: '一扇门'
  },
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'en'
  },
  dateFormat: {
    monthName: 'MMMM',
    day: 'DD',
    abbr: 'lll',
    // Operators compare technical timings to the second: 2026年11月29日 22:27:37.
    normal: 'LL LTS',
    long: 'LLLL',
    short: 'LL'
  },
  // Diagram overlay "期限状态": each activity painted by the SLA state of the cases waiting there (scripts/sla-overlay.js).
  customScripts: ['scripts/sla-overlay.js'],
  // Loads ../../onedoor/i18n.js: dateFormat above for every date, Chinese names in the app switcher.
  requireJsConfig: {
    deps: ['onedoor-i18n'],
    ngDeps: ['onedoor.i18n'],
    paths: {
      // Resolved against the app's folder (/camunda/app/<app>/): /camunda/app/onedoor/i18n.js
      'onedoor-i18n': '../onedoor/i18n'
    }
  }
};
