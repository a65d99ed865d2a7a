/*
 * OneDoor (一扇门): Welcome configuration. Replaces the webjar's app/welcome/scripts/config.js (Spring Boot
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
    name: '欢迎页',
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
  },
  // Our own pages, under 链接 (Camunda's documented `links` option). They share the webapps' login, so they open
  // without a second one. Setting `links` replaces Camunda's default documentation link, so it is listed again.
  // Labels pass through the translate filter: a text that is no translation key shows as it is.
  links: [
    {
      label: '督办一屏',
      href: '/supervision/',
      description: '督办一屏观城乡：在办、到期、超期案件与督办令（督办员、领导）'
    },
    {
      label: '节假日安排',
      href: '/calendar/',
      description: '各年节假日安排（已公布 / 暂定），系统管理员在此公布国务院办公厅的通知'
    },
    {
      label: '决策表推演',
      href: '/designer/what-if/',
      description: '部署修改后的决策表之前，用历史案件推演哪些案件的分流会不同（流程设计员）'
    },
    {
      label: '单位与人员导入',
      href: '/county/',
      description: '系统管理员从 CSV 导入本县的乡镇、村（社区）、调委会、部门和人员（先预演，再导入）'
    },
    {
      label: '流程版本迁移',
      href: '/migrations/',
      description: '在办案件按流程版本统计，试迁移并按批迁移到新版本（流程设计员）'
    },
    {
      label: 'DOCUMENTATION',
      href: 'https://docs.camunda.org/manual/7.24/webapps/',
      description: 'DOCUMENTATION_DESCRIPTION'
    }
  ],
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
