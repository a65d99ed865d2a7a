/*
 * 督办一屏观城乡 (the supervisors' page). Plain JavaScript, no build: ECharts comes from its webjar; the login and the
 * calls to our API with the webapps' session come from ../pages/session.js (window.OneDoorPages), shared with the
 * other pages.
 * Every figure opens the list of the cases it counts (same measure, same period, same area), so it can be checked.
 */
(function () {
  'use strict';

  var API = '/api/supervision';
  var state = { unit: '', period: '', overview: null, towns: null,
    list: { measure: 'OVERDUE', unit: '', channel: '', disputeType: '', offset: 0, label: '已超期' } };
  var charts = {};

  var el = OneDoorPages.el;
  var problemText = OneDoorPages.problemText;
  // an expired session (401 from our API) brings the login form back
  var session = OneDoorPages.session(function () { showLogin(); });
  var call = session.call;

  function $(id) { return document.getElementById(id); }

  // ---- time, in Beijing time whatever the PC's zone ----
  var DATE = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'numeric',
    day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });

  function when(iso) {
    if (!iso) { return '—'; }
    var parts = {};
    DATE.formatToParts(new Date(iso)).forEach(function (p) { parts[p.type] = p.value; });
    return parts.year + '年' + parts.month + '月' + parts.day + '日 ' + parts.hour + ':' + parts.minute;
  }

  /** A due date with how far off it is; 暂定 when it counted a year whose holiday notice is not published yet. */
  function dueText(iso, asOf, provisional) {
    if (!iso) { return el('span', { text: '—' }); }
    if (provisional) {
      return el('span', {}, [dueText(iso, asOf), el('span', { class: 'provisional',
        title: '该年节假日安排尚未公布，暂按法定节假日计算；公布后自动重新计算', text: '（暂定）' })]);
    }
    var ms = new Date(iso) - new Date(asOf || (state.overview ? state.overview.generatedAt : Date.now()));
    var days = Math.floor(Math.abs(ms) / 86400000);
    var hours = Math.floor((Math.abs(ms) % 86400000) / 3600000);
    var span = days > 0 ? days + '天' + (hours ? hours + '小时' : '') : hours + '小时';
    if (ms < 0) { return el('span', { class: 'overdue', text: when(iso) + '（已逾期' + span + '）' }); }
    if (ms < 2 * 86400000) { return el('span', { class: 'soon', text: when(iso) + '（剩' + span + '）' }); }
    return el('span', { text: when(iso) });
  }

  function name(named) { return named ? named.name : '—'; }

  var SECONDS = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit',
    second: '2-digit', hour12: false });

  // the login form; set once the page has loaded
  var showLogin = function () {};

  // ---- the board ----
  function query(params) {
    var search = new URLSearchParams();
    Object.keys(params).forEach(function (key) { if (params[key]) { search.set(key, params[key]); } });
    var text = search.toString();
    return text ? '?' + text : '';
  }

  function load() {
    return call('GET', API + '/overview' + query({ unit: state.unit, period: state.period }))
      .then(function (overview) {
        state.overview = overview;
        $('login').hidden = true;
        $('board').hidden = false;
        $('controls').hidden = false;
        renderControls(overview);
        renderKpis(overview);
        renderGrid(overview);
        renderCharts(overview);
        loadList();
        loadSideLists();
        loadStalledJobs();
        if (!state.caseOpenedFromAddress) {
          // only on arrival: a reload after issuing an order must not re-render (and clear) the open case
          state.caseOpenedFromAddress = true;
          openCaseFromHash();
        }
      })
      .catch(function (failure) {
        if (failure && failure.status === 403) {
          showLogin(problemText(failure));
        } else if (failure && failure.status !== 401) {
          showLogin(problemText(failure));
        }
      });
  }

  function renderControls(overview) {
    $('who').textContent = overview.scope.user + '（' + (overview.scope.wholeCounty ? '全县' : overview.scope.area.name) + '）';
    if (!state.towns) {
      state.towns = [{ code: '', name: overview.scope.area.name + (overview.scope.wholeCounty ? '（全县）' : '') }]
        .concat(overview.areas.map(function (a) { return { code: a.code, name: '· ' + a.name }; }));
    }
    var unit = $('unit');
    unit.innerHTML = '';
    state.towns.forEach(function (t) {
      unit.appendChild(el('option', { value: t.code, text: t.name }));
    });
    unit.value = state.unit;
    var period = $('period');
    period.innerHTML = '';
    periodOptions(overview.period).forEach(function (p) {
      period.appendChild(el('option', { value: p.code, text: p.label }));
    });
    period.value = overview.period.code;
    $('scope').textContent = '统计期：' + overview.period.label + '（与上期 ' + overview.previous.label + ' 比较）；'
      + '在办、到期、超期、待答复为' + (new Date(overview.period.asOf) < new Date(overview.period.to) ? '当前' : '期末')
      + '数（' + when(overview.period.asOf) + '），其余为期内数。点击任一指标查看所计案件。';
  }

  /** The months, quarters and years around the period shown, newest first. */
  function periodOptions(current) {
    var year = parseInt(current.code.substring(0, 4), 10);
    var now = state.nowMonth || (state.nowMonth = current.code.length === 7 && current.code.charAt(5) !== 'Q'
      ? current.code : year + '-12');
    var options = [];
    var y = parseInt(now.substring(0, 4), 10);
    var m = parseInt(now.substring(5, 7), 10);
    for (var i = 0; i < 12; i++) {
      options.push({ code: y + '-' + (m < 10 ? '0' : '') + m, label: y + '年' + m + '月' });
      m -= 1;
      if (m === 0) { m = 12; y -= 1; }
    }
    var ny = parseInt(now.substring(0, 4), 10);
    var q = Math.floor((parseInt(now.substring(5, 7), 10) - 1) / 3) + 1;
    for (var j = 0; j < 4; j++) {
      options.push({ code: ny + '-Q' + q, label: ny + '年第' + q + '季度' });
      q -= 1;
      if (q === 0) { q = 4; ny -= 1; }
    }
    options.push({ code: String(parseInt(now.substring(0, 4), 10)), label: now.substring(0, 4) + '年' });
    options.push({ code: String(parseInt(now.substring(0, 4), 10) - 1), label: (parseInt(now.substring(0, 4), 10) - 1) + '年' });
    if (!options.some(function (o) { return o.code === current.code; })) {
      options.unshift({ code: current.code, label: current.label });
    }
    return options;
  }

  var RISK = { BLUE: '低风险（蓝）', YELLOW: '一般（黄）', ORANGE: '较大（橙）', RED: '重大（红）' };
  var ALERTS = { overdue: true, openOrders: true, dueSoon: false };
  var GOOD_WHEN_UP = { onTimeRate: true, mediationSuccessRate: true, closed: true };

  function formatValue(kpi, value) {
    if (value === null || value === undefined) { return '—'; }
    if (kpi.kind === 'RATE') { return value.toFixed(1) + '%'; }
    if (kpi.kind === 'PER_10K') { return value.toFixed(1); }
    return String(Math.round(value));
  }

  function renderKpis(overview) {
    var box = $('kpis');
    box.innerHTML = '';
    overview.kpis.forEach(function (kpi) {
      var delta = kpi.value !== null && kpi.previous !== null ? kpi.value - kpi.previous : null;
      var arrow = delta === null || delta === 0 ? '' : delta > 0 ? '▲' : '▼';
      var unit = kpi.kind === 'COUNT' ? '件' : kpi.kind === 'PER_10K' ? '/万人' : '';
      var detail = kpi.kind === 'RATE' ? kpi.numerator + '/' + kpi.denominator + ' 件'
        : kpi.kind === 'PER_10K' ? kpi.numerator + ' 件 / ' + (kpi.denominator || '—') + ' 人' : '';
      var card = el('button', { type: 'button', class: 'kpi' + (ALERTS[kpi.key] && kpi.value > 0 ? ' alert' : '')
          + (GOOD_WHEN_UP[kpi.key] ? ' good' : '') + (state.list.measure === kpi.measure && state.list.kpi === kpi.key ? ' active' : ''),
        title: kpi.hint, 'data-kpi': kpi.key,
        onclick: function () { showList(kpi.measure, kpi.label, {}, kpi.key); } }, [
        el('div', { class: 'label', text: kpi.label }),
        el('div', { class: 'value' }, [formatValue(kpi, kpi.value), el('small', { text: unit })]),
        el('div', { class: 'prev' }, [detail ? detail + '　' : '', '上期 ' + formatValue(kpi, kpi.previous) + ' ',
          el('span', { class: delta > 0 ? 'up' : 'down', text: arrow })])
      ]);
      box.appendChild(card);
    });
  }

  function shareClass(cell) {
    if (!cell.open) { return 'snone'; }
    var share = cell.overdueShare || 0;
    return share === 0 ? 's0' : share < 10 ? 's1' : share < 30 ? 's2' : share < 50 ? 's3' : 's4';
  }

  function renderGrid(overview) {
    $('grid-title').textContent = overview.scope.wholeCounty && !state.unit ? '各乡镇逾期情况（点击查看逾期案件）'
      : '各村（社区）逾期情况（点击查看逾期案件）';
    var grid = $('grid');
    grid.innerHTML = '';
    grid.parentNode.classList.toggle('wide', overview.areas.length > 12);
    overview.areas.forEach(function (cell) {
      grid.appendChild(el('button', { type: 'button', class: 'cell ' + shareClass(cell), 'data-unit': cell.code,
        onclick: function () { showList('OVERDUE', cell.name + ' 已超期案件', { unit: cell.code }); } }, [
        el('div', { class: 'name', text: cell.name }),
        el('div', { class: 'share', text: cell.overdueShare === null ? '—' : cell.overdueShare.toFixed(1) + '%' }),
        el('div', { class: 'detail', text: '在办 ' + cell.open + '　逾期 ' + cell.overdue }),
        el('div', { class: 'detail', text: '本期诉讼 ' + cell.litigation
          + (cell.litigationPer10k !== null ? '（' + cell.litigationPer10k.toFixed(1) + '/万人）' : '') })
      ]));
    });
    if (!overview.areas.length) { grid.appendChild(el('p', { class: 'empty', text: '无下级区域' })); }
  }

  function renderCharts(overview) {
    if (!window.echarts) { return; }
    chart('chart-channel', overview.byChannel, 'channel');
    chart('chart-type', overview.byDisputeType, 'disputeType');
  }

  function chart(id, bars, filterKey) {
    var node = $(id);
    if (!charts[id]) {
      charts[id] = echarts.init(node);
      charts[id].on('click', function (params) {
        var bar = charts[id].bars[params.dataIndex];
        var filter = {};
        filter[filterKey] = bar.code;
        showList(params.seriesIndex === 1 ? 'OVERDUE' : 'OPEN', bar.name + (params.seriesIndex === 1 ? ' 已超期' : ' 在办'), filter);
      });
    }
    charts[id].bars = bars;
    charts[id].setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { data: ['在办', '已超期'], top: 0 },
      grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: bars.map(function (b) { return b.name; }),
        axisLabel: { width: 110, overflow: 'truncate' } },
      series: [
        { name: '在办', type: 'bar', barMaxWidth: 26, data: bars.map(function (b) { return b.open; }), itemStyle: { color: '#5b8def' } },
        { name: '已超期', type: 'bar', barMaxWidth: 26, data: bars.map(function (b) { return b.overdue; }), itemStyle: { color: '#e03131' } }
      ]
    }, true);
    node.setAttribute('data-bars', bars.length);
  }

  // ---- lists ----
  function showList(measure, label, filter, kpiKey) {
    state.list = { measure: measure, label: label, unit: (filter && filter.unit) || '', channel: (filter && filter.channel) || '',
      disputeType: (filter && filter.disputeType) || '', offset: 0, kpi: kpiKey };
    loadList();
    renderKpis(state.overview);
    $('list-panel').scrollIntoView({ behavior: 'smooth', block: 'start' });
  }

  function loadList(append) {
    var l = state.list;
    var path = API + '/cases' + query({ measure: l.measure, unit: l.unit || state.unit, period: state.period,
      channel: l.channel, disputeType: l.disputeType, limit: 50, offset: l.offset });
    return call('GET', path).then(function (list) {
      $('list-title').textContent = l.label || list.label;
      $('list-total').textContent = '共 ' + list.total + ' 件';
      $('list-total').setAttribute('data-total', list.total);
      $('list-filter').textContent = [list.area.name, list.period.label, list.channel ? '渠道 ' + list.channel : '',
        list.disputeType ? '类型 ' + list.disputeType : ''].filter(Boolean).join(' · ');
      var body = $('list').tBodies[0];
      if (!append) { body.innerHTML = ''; }
      list.rows.forEach(function (row) { body.appendChild(caseRow(row, list)); });
      if (!list.rows.length && !append) {
        body.appendChild(el('tr', {}, [el('td', { colspan: 10, class: 'empty', text: '没有符合条件的案件' })]));
      }
      $('more').hidden = list.offset + list.rows.length >= list.total;
    }).catch(function () {});
  }

  function note(row, list) {
    if (row.order) { return '督办令：' + (row.order.orderText || '') + '（' + name(row.order.answeringGroup) + '）'; }
    if (row.onTime === true && list.measure === 'CLOSED') { return '按期办结'; }
    if (row.onTime === false) { return '有期限逾期'; }
    if (list.measure === 'MEDIATION' || list.measure === 'MEDIATION_SUCCESS') { return name(row.mediationOutcome); }
    if (list.measure === 'LITIGATION') { return '进入诉讼 ' + when(row.litigationAt); }
    if (row.closedAt) { return '结案 ' + when(row.closedAt); }
    return '';
  }

  function caseRow(row, list) {
    var clock = row.clock;
    return el('tr', { class: 'case-row', 'data-case': row.caseCode, onclick: function () { openCase(row.caseCode); } }, [
      el('td', { class: 'code', text: row.caseCode }),
      el('td', { text: name(row.town) + (row.village ? ' ' + row.village.name : '') }),
      el('td', { text: name(row.disputeType) }),
      el('td', { text: name(row.channel) }),
      el('td', { text: name(row.stage) }),
      el('td', { text: clock ? clock.name : '—' }),
      el('td', {}, [row.order ? dueText(row.order.answerDue, list.period.asOf) : clock ? dueText(clock.dueAt, list.period.asOf, clock.provisional) : '—']),
      el('td', { text: name(row.responsibleUnit) + ' / ' + (clock && clock.assignee ? clock.assignee
        : clock && clock.group ? clock.group.name : (row.responsibleOfficer || '—')) }),
      el('td', {}, [row.rungReached ? el('span', { class: 'badge' + (row.rungReached.code === 'LEADER_LISTED' ? ' r' : ' o'),
        text: row.rungReached.name }) : '—']),
      el('td', { text: note(row, list) })
    ]);
  }

  function loadSideLists() {
    var unit = state.unit;
    call('GET', API + '/cases' + query({ measure: 'DUE_SOON', unit: unit, period: state.period, limit: 20 })).then(function (list) {
      fill('due-soon', list.rows, function (row) {
        return [el('td', { class: 'code', text: row.caseCode }), el('td', { text: row.clock ? row.clock.name : '—' }),
          el('td', {}, [dueText(row.clock && row.clock.dueAt, list.period.asOf, row.clock && row.clock.provisional)]),
          el('td', { text: row.clock && row.clock.group ? row.clock.group.name : name(row.responsibleUnit) })];
      }, 4, '两日内无到期');
    }).catch(function () {});
    call('GET', API + '/escalations/waiting' + query({ unit: unit })).then(function (tasks) {
      fill('waiting', tasks, function (task) {
        return [el('td', { class: 'code', text: task.caseCode }), el('td', { text: task.name }),
          el('td', {}, [dueText(task.dueAt)]),
          el('td', {}, [el('a', { href: task.tasklistUrl, onclick: function (e) { e.stopPropagation(); }, text: '去办理' })])];
      }, 4, '没有等待您处理的督办');
    }).catch(function () {});
    call('GET', API + '/cases' + query({ measure: 'OPEN_ORDERS', unit: unit, period: state.period, limit: 50 })).then(function (list) {
      fill('orders', list.rows, function (row) {
        return [el('td', { class: 'code', text: row.caseCode }), el('td', { text: name(row.order && row.order.answeringGroup) }),
          el('td', {}, [dueText(row.order && row.order.answerDue, list.period.asOf)]),
          el('td', { text: row.order ? row.order.orderText : '' })];
      }, 4, '没有待答复的督办令');
    }).catch(function () {});
    call('GET', API + '/cases' + query({ measure: 'LITIGATION', unit: unit, period: state.period, limit: 50 })).then(function (list) {
      fill('court', list.rows, function (row) {
        return [el('td', { class: 'code', text: row.caseCode }), el('td', { text: name(row.town) }),
          el('td', { text: name(row.village) }), el('td', { text: name(row.disputeType) }),
          el('td', { text: when(row.litigationAt) })];
      }, 5, '本期没有进入诉讼的案件');
    }).catch(function () {});
  }

  /**
   * Background steps of my cases held by a node that no longer answers (their lock ran out): why those cases do not
   * move for up to a minute. Shown only when there are some.
   */
  function loadStalledJobs() {
    call('GET', API + '/stalled-jobs').then(function (answer) {
      var box = $('stalled');
      box.innerHTML = '';
      answer.nodes.forEach(function (node) {
        var codes = [];
        node.caseCodes.forEach(function (code, i) {
          if (i > 0) { codes.push(document.createTextNode('、')); }
          codes.push(el('a', { href: '#case=' + encodeURIComponent(code), 'data-case': code,
            onclick: function (e) { e.preventDefault(); openCase(code); }, text: code }));
        });
        box.appendChild(el('p', { class: 'stalled-node', 'data-node': node.node }, [
          el('span', { text: node.jobs + ' 个后台步骤由已停止响应的节点 ' + node.node + ' 持有，锁已于 '
            + SECONDS.format(new Date(node.lockExpiredAt)) + ' 到期，将由其他节点接手。涉及案件：' })
        ].concat(codes)));
      });
      box.hidden = answer.nodes.length === 0;
      box.setAttribute('data-as-of', answer.asOf);
    }).catch(function () {});
  }

  function fill(id, items, cells, span, emptyText) {
    var body = $(id).tBodies[0];
    body.innerHTML = '';
    items.forEach(function (item) {
      body.appendChild(el('tr', { class: 'case-row', 'data-case': item.caseCode,
        onclick: function () { openCase(item.caseCode); } }, cells(item)));
    });
    if (!items.length) { body.appendChild(el('tr', {}, [el('td', { colspan: span, class: 'empty', text: emptyText })])); }
  }

  // ---- one case ----
  function openCase(code) {
    if (location.hash !== '#case=' + code) { history.replaceState(null, '', '#case=' + code); }
    call('GET', API + '/cases/' + encodeURIComponent(code)).then(renderCase).catch(function (failure) {
      if (failure.status !== 401) { alert(problemText(failure)); }
    });
  }

  function openCaseFromHash() {
    var match = /^#case=(.+)$/.exec(location.hash);
    if (match) { openCase(decodeURIComponent(match[1])); }
  }

  function renderCase(detail) {
    var r = detail.registry;
    $('case-title').textContent = '案件 ' + r.caseCode;
    $('case').setAttribute('data-case', r.caseCode);
    var facts = $('case-facts');
    facts.innerHTML = '';
    [['登记地', name(detail.town) + (detail.village ? ' ' + detail.village.name : '')],
      ['纠纷类型', name(r.disputeType)], ['阶段', r.stageName], ['调解渠道', name(detail.channel)],
      ['承办层级', name(detail.handlingLevel)], ['风险等级', RISK[r.riskGrade] || r.riskGrade || '—'], ['承办单位', name(r.responsibleUnit)],
      ['首问责任人', r.responsibleOfficer || '—'], ['登记时间', when(r.registeredAt)],
      ['督办层级', name(detail.rungReached)], ['结案', r.closure ? when(r.closure.closedAt) + ' ' + (r.closure.reason || '') : '未结案'],
      ['纠纷概要', r.summary]].forEach(function (f) {
      facts.appendChild(el('div', {}, [el('span', { text: f[0] }), f[1] || '—']));
    });
    var clocks = $('case-clocks').tBodies[0];
    clocks.innerHTML = '';
    detail.clocks.forEach(function (c) {
      clocks.appendChild(el('tr', {}, [el('td', { text: c.name }), el('td', { text: c.assignee || name(c.group) }),
        el('td', { text: when(c.startedAt) }), el('td', {}, [dueText(c.dueAt, null, c.provisional)])]));
    });
    if (!detail.clocks.length) { clocks.appendChild(el('tr', {}, [el('td', { colspan: 4, class: 'empty', text: '没有未结期限' })])); }
    var escalations = $('case-escalations').tBodies[0];
    escalations.innerHTML = '';
    detail.escalations.forEach(function (e) {
      escalations.appendChild(el('tr', {}, [el('td', { text: name(e.rung) }),
        el('td', { text: (e.orderText || e.clockName || '') }), el('td', { text: name(e.answeringGroup || e.targetGroup) }),
        el('td', { text: when(e.issuedAt || e.raisedAt) }),
        el('td', {}, [e.answeredAt ? el('span', { text: when(e.answerDue) }) : dueText(e.answerDue)]),
        el('td', { text: e.answeredAt ? (e.answer || '已处理') + '（' + when(e.answeredAt) + '）' : '未答复' })]));
    });
    if (!detail.escalations.length) { escalations.appendChild(el('tr', {}, [el('td', { colspan: 6, class: 'empty', text: '尚无督办' })])); }
    $('order-form').hidden = !detail.mayIssueOrder;
    $('order-days').value = detail.defaultAnswerWithinWorkingDays;
    $('order-message').textContent = '';
    var journal = $('case-journal');
    journal.innerHTML = '';
    detail.journal.forEach(function (j) {
      journal.appendChild(el('li', { text: when(j.occurredAt) + '　' + j.kind + (j.detail ? '：' + j.detail : '')
        + (j.actor ? '（' + j.actor + '）' : '') }));
    });
    $('case').hidden = false;
  }

  function closeCase() {
    $('case').hidden = true;
    history.replaceState(null, '', location.pathname + location.search);
  }

  function issueOrder(event) {
    event.preventDefault();
    var code = $('case').getAttribute('data-case');
    var message = $('order-message');
    message.className = 'message';
    message.textContent = '正在下发……';
    call('POST', API + '/cases/' + encodeURIComponent(code) + '/orders',
      { text: $('order-text').value, answerWithinWorkingDays: parseInt($('order-days').value, 10) })
      .then(function (issued) {
        $('order-text').value = '';
        return call('GET', API + '/cases/' + encodeURIComponent(code)).then(function (detail) {
          renderCase(detail);
          var done = $('order-message');
          done.className = 'message';
          done.textContent = '已下发督办令：由' + name(issued.answeringGroup) + '于' + when(issued.answerDue) + '前答复。';
          load();
        });
      })
      .catch(function (failure) {
        message.className = 'message error';
        message.textContent = problemText(failure);
      });
  }

  document.addEventListener('DOMContentLoaded', function () {
    showLogin = OneDoorPages.loginForm(session, 'board', load);
    $('case-close').addEventListener('click', closeCase);
    $('case').addEventListener('click', function (event) { if (event.target === $('case')) { closeCase(); } });
    $('order-form').addEventListener('submit', issueOrder);
    $('more').addEventListener('click', function () { state.list.offset += 50; loadList(true); });
    $('unit').addEventListener('change', function () { state.unit = $('unit').value; state.list.unit = ''; load(); });
    $('period').addEventListener('change', function () { state.period = $('period').value; load(); });
    window.addEventListener('resize', function () { Object.keys(charts).forEach(function (id) { charts[id].resize(); }); });
    session.refreshToken().then(load, load);
  });
}());
