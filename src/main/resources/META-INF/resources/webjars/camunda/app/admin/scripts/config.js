/*
 * OneDoor (一扇门): Admin configuration. Replaces the webjar's app/admin/scripts/config.js, which is
 * only a commented template (Spring Boot serves our classpath copy first).
 *
 * Language: the webapps take the first entry of navigator.languages, cut it at '-' and look that prefix up in
 * availableLocales. So 'zh' covers zh-CN (and any other zh-*); English stays selectable by the browser language.
 * Chinese texts: ../locales/zh.json (checked against the webjar's en.json by WebappLocaleCompletenessTest).
 *
 * Dates: the formats below are moment.js locale tokens, so each language renders its own pattern
 * (zh.json dateLocales: 2026年11月29日 14:05). The time zone is always the browser's own: Camunda 7 webapps
 * have no setting for it; county PCs run on China Standard Time (Asia/Shanghai) and the footer names the zone.
 */
export default {
  // Header and browser title read "<vendor> <name>".
  app: {
    name: '系统管理',
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
    normal: 'LLL',
    long: 'LLLL',
    short: 'LL'
  }
};
