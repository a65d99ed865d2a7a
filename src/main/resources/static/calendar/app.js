/*
 * 节假日安排 (the holiday notices): which years count with a published State Council notice and which are provisional,
 * each year's days off and make-up working days, and for administrators the form that publishes a year's notice
 * (PUT /api/calendar/{year}, the JSON of a calendar/cn-YYYY.json file). Plain JavaScript, no build; the login and the
 * calls with the webapps' session come from ../pages/session.js (window.OneDoorPages).
 */
(function () {
  'use strict';

  var API = '/api/calendar';
  var WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
  var state = { overview: null, selected: null };

  var el = OneDoorPages.el;
  var problemText = OneDoorPages.problemText;
  // an expired session (401 from our API) brings the login form back
  var session = OneDoorPages.session(function () { showLogin(); });
  var call = session.call;

  function $(id) { return document.getElementById(id); }

  // ---- dates: the API's days are plain dates (YYYY-MM-DD), read without any time zone ----
  function parts(iso) {
    var p = iso.split('-');
    return { y: parseInt(p[0], 10), m: parseInt(p[1], 10), d: parseInt(p[2], 10) };
  }

  function weekday(iso) {
    var p = parts(iso);
    return WEEKDAYS[new Date(Date.UTC(p.y, p.m - 1, p.d)).getUTCDay()];
  }

  function dayText(iso, year) {
    var p = parts(iso);
    return (p.y !== year ? p.y + '年' : '') + p.m + '月' + p.d + '日（' + weekday(iso) + '）';
  }

  function nextDay(iso) {
    var p = parts(iso);
    return new Date(Date.UTC(p.y, p.m - 1, p.d + 1)).toISOString().substring(0, 10);
  }

  /** The days off as the notice words them: consecutive days of one holiday as one range. */
  function ranges(days) {
    var result = [];
    days.forEach(function (day) {
      var last = result[result.length - 1];
      if (last && last.name === day.name && nextDay(last.to) === day.date) {
        last.to = day.date;
        last.count += 1;
      } else {
        result.push({ name: day.name, from: day.date, to: day.date, count: 1 });
      }
    });
    return result;
  }

  // the login form; set once the page has loaded
  var showLogin = function () {};

  /**
   * Whether to offer the publish form. The webapps' "who am I" answer (read at every login anyway) lists the webapps
   * the user may open; only members of camunda-admin, who hold every authorization, have Admin among them. Anyone
   * else would only meet a form that always fails, so they see the years without it. The server decides all the
   * same: whoever sees the form without being in camunda-admin gets its 403, shown as such.
   */
  function mayPublish() {
    var me = session.user();
    return !!(me && me.authorizedApps && me.authorizedApps.indexOf('admin') >= 0);
  }

  // ---- the years ----
  function load(select) {
    return call('GET', API).then(function (overview) {
      state.overview = overview;
      $('login').hidden = true;
      $('page').hidden = false;
      $('controls').hidden = false;
      var me = session.user();
      $('who').textContent = me ? me.userId : '';
      $('publish').hidden = !mayPublish();
      $('admin-only').hidden = mayPublish();
      if (!$('publish-year').value) {
        $('publish-year').value = overview.currentYear + 1;
      }
      $('publish-year').max = overview.currentYear + 5;
      $('provisional-clocks').textContent = overview.openProvisionalClocks + ' 个进行中的期限为暂定'
        + (overview.openProvisionalClocks ? '（到期日落在尚未公布的年份，公布后自动重新计算）' : '');
      $('provisional-clocks').className = 'provisional-clocks' + (overview.openProvisionalClocks ? ' some' : '');
      renderYears(overview);
      var next = overview.years.filter(function (y) { return y.year === overview.currentYear + 1; })[0];
      // the year to look at first: next year while its notice is awaited, else this year
      showYear(select || state.selected || (next && !next.published ? next.year : overview.currentYear));
    }).catch(function (failure) {
      if (failure && failure.status !== 401) {
        showLogin(problemText(failure));
      }
    });
  }

  function statusCell(y) {
    if (y.published) {
      return el('td', { class: 'status' }, [el('span', { class: 'badge published', text: '已公布' }),
        el('span', { class: 'notice', text: y.source })]);
    }
    return el('td', { class: 'status', title: y.source }, [el('span', { class: 'badge provisional',
      text: '暂定（按法定节假日推算）' })]);
  }

  function renderYears(overview) {
    var body = $('years').tBodies[0];
    body.innerHTML = '';
    overview.years.slice().reverse().forEach(function (y) {
      var label = y.year + '年' + (y.year === overview.currentYear ? '（今年）'
        : y.year === overview.currentYear + 1 ? '（明年）' : '');
      body.appendChild(el('tr', { class: 'year-row' + (y.year === state.selected ? ' selected' : ''),
        'data-year': y.year, tabindex: '0', onclick: function () { showYear(y.year); },
        onkeydown: function (event) { if (event.key === 'Enter') { showYear(y.year); } } }, [
        el('td', { class: 'year', text: label }),
        statusCell(y)
      ]));
    });
  }

  // ---- one year ----
  function showYear(year) {
    state.selected = year;
    Array.prototype.forEach.call(document.querySelectorAll('#years tr.year-row'), function (row) {
      row.classList.toggle('selected', row.getAttribute('data-year') === String(year));
    });
    return call('GET', API + '/' + year).then(renderYear).catch(function (failure) {
      if (failure.status !== 401) {
        $('year-title').textContent = year + '年';
        $('year-source').textContent = problemText(failure);
      }
    });
  }

  function renderYear(days) {
    $('year').setAttribute('data-year', days.year);
    $('year-title').textContent = days.year + '年 · ' + (days.published ? '已公布' : '暂定（按法定节假日推算）');
    $('year-source').textContent = days.published ? '依据：' + days.source
      : '尚未公布。下列为法定节假日，' + days.source.replace(/^暂定：/, '') + '。';
    var holidays = $('year-holidays').tBodies[0];
    holidays.innerHTML = '';
    ranges(days.holidays).forEach(function (r) {
      holidays.appendChild(el('tr', {}, [el('td', { text: r.name }),
        el('td', { text: r.from === r.to ? dayText(r.from, days.year)
          : dayText(r.from, days.year) + ' 至 ' + dayText(r.to, days.year) }),
        el('td', { text: r.count + '天' })]));
    });
    if (!days.holidays.length) {
      holidays.appendChild(el('tr', {}, [el('td', { colspan: 3, class: 'empty', text: '无' })]));
    }
    var makeUps = $('year-make-ups').tBodies[0];
    makeUps.innerHTML = '';
    days.makeUpWorkingDays.forEach(function (d) {
      makeUps.appendChild(el('tr', {}, [el('td', { text: dayText(d.date, days.year) + ' 上班' }),
        el('td', { text: d.name || '—' })]));
    });
    if (!days.makeUpWorkingDays.length) {
      makeUps.appendChild(el('tr', {}, [el('td', { colspan: 2, class: 'empty',
        text: days.published ? '无调休上班日' : '暂定年份不含调休上班日' })]));
    }
  }

  // ---- publishing ----
  /** A file picked: its text goes to the text box, so that what is published is what the administrator sees. */
  function readFile() {
    var file = $('publish-file').files[0];
    $('publish-file-name').textContent = file ? file.name : '未选择文件';
    if (!file) { return; }
    var named = /cn-(\d{4})\.json$/i.exec(file.name);
    var reader = new FileReader();
    reader.onload = function () {
      $('publish-text').value = reader.result;
      var year = named ? named[1] : yearInText(reader.result);
      if (year) { $('publish-year').value = year; }
      showResult(null);
    };
    reader.onerror = function () {
      showResult('error', ['无法读取文件“' + file.name + '”']);
    };
    reader.readAsText(file, 'UTF-8');
  }

  function yearInText(text) {
    try {
      var year = JSON.parse(text).year;
      return typeof year === 'number' ? String(year) : null;
    } catch (notJson) {
      return null;
    }
  }

  /** What a field of the calendar file is, in words, with the holiday it belongs to when the text names one. */
  function fieldWords(name, notice) {
    var item = /^(holidays|makeUpWorkingDays)\[(\d+)\](?:\.(\w+))?$/.exec(name);
    if (item) {
      var index = parseInt(item[2], 10);
      var entries = notice && notice[item[1]];
      var entry = entries && entries[index];
      var holiday = entry && (item[1] === 'holidays' ? entry.name : entry['for']);
      var part = item[1] === 'holidays'
        ? { name: '的名称', from: '的起始日期', to: '的结束日期' }[item[3]]
        : { date: '的日期', 'for': '的所属节日' }[item[3]];
      return (item[1] === 'holidays' ? '放假第' : '调休上班第') + (index + 1) + '项'
        + (holiday ? '“' + holiday + '”' : '') + (part || '');
    }
    return { year: '年份', source: '通知', 'source.notice': '通知名称', holidays: '放假安排',
      makeUpWorkingDays: '调休上班日', body: '内容' }[name] || '';
  }

  function showResult(kind, lines, heading) {
    var box = $('publish-result');
    box.innerHTML = '';
    box.className = 'result' + (kind ? ' ' + kind : '');
    if (!kind) { return; }
    if (heading) { box.appendChild(el('p', { class: 'heading', text: heading })); }
    if (lines.length === 1 && !heading) {
      box.appendChild(el('p', { text: lines[0] }));
    } else {
      box.appendChild(el('ul', {}, lines.map(function (line) { return line.nodeType ? el('li', {}, [line]) : el('li', { text: line }); })));
    }
  }

  function publish(event) {
    event.preventDefault();
    var year = $('publish-year').value.trim();
    var text = $('publish-text').value;
    if (!text.trim()) {
      showResult('error', ['请选择 cn-' + (year || 'YYYY') + '.json 文件，或把节假日安排粘贴在文本框中']);
      return;
    }
    var notice = null;
    try { notice = JSON.parse(text); } catch (notJson) { notice = null; }
    $('publish-submit').disabled = true;
    showResult('pending', ['正在公布……']);
    // the text goes as it is: the server checks it and names what is wrong by its JSON field
    call('PUT', API + '/' + encodeURIComponent(year), text).then(function (done) {
      showResult('done', [done.changed
        ? '已公布' + done.year + '年节假日安排；重新计算 ' + done.cases + ' 件案件，调整 ' + done.clocksMoved + ' 个期限'
          + (done.casesFailed ? '；另有 ' + done.casesFailed + ' 件案件暂未能重新计算，系统将自动重试' : '')
        : '与已公布的' + done.year + '年安排相同，未作改动'
          + (done.cases ? '（补做了 ' + done.cases + ' 件案件的重新计算，调整 ' + done.clocksMoved + ' 个期限）' : '')]);
      $('publish-text').value = '';
      $('publish-file').value = '';
      $('publish-file-name').textContent = '未选择文件';
      return load(done.year);
    }).catch(function (failure) {
      if (failure.status === 401) { return; }
      if (failure.status === 403) {
        showResult('error', ['只有系统管理员可以公布节假日安排']);
      } else if (failure.status === 400 && failure.data && failure.data.invalidParams) {
        showResult('error', failure.data.invalidParams.map(function (p) {
          var words = fieldWords(p.name, notice);
          return el('span', {}, [el('code', { text: p.name }), words ? '（' + words + '）' : '', '：' + p.reason]);
        }), (failure.data.title || '节假日安排有误，未公布') + '：');
      } else {
        showResult('error', [problemText(failure)]);
      }
    }).then(function () {
      $('publish-submit').disabled = false;
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    showLogin = OneDoorPages.loginForm(session, 'page', load);
    $('publish-file').addEventListener('change', readFile);
    $('publish-form').addEventListener('submit', publish);
    session.refreshToken().then(function () { return load(); }, function () { return load(); });
  });
}());
