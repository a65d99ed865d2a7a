/*
 * 单位与人员导入 (loading a county's units and staff): for administrators, two CSV files, each first as a dry run
 * (POST /api/county/{units|staff}?dryRun=true: what would be added, changed, removed) and then for real. A file with
 * mistakes comes back as a problem naming each row and column; a unit that still holds open cases cannot be removed
 * (409, with the count). Plain JavaScript, no build; the login and the calls with the webapps' session come from
 * ../pages/session.js (window.OneDoorPages).
 */
(function () {
  'use strict';

  var API = '/api/county';
  var KIND = { TOWN: '乡镇', VILLAGE: '村（社区）', COMMITTEE: '调委会', DEPARTMENT: '部门', COUNTY: '县' };

  var el = OneDoorPages.el;
  var problemText = OneDoorPages.problemText;
  var session = OneDoorPages.session(function () { showLogin(); });
  var call = session.call;
  var showLogin = function () {};

  function $(id) { return document.getElementById(id); }

  /** Only members of camunda-admin have Admin among their webapps (see ../calendar/app.js). */
  function isAdministrator() {
    var me = session.user();
    return !!(me && me.authorizedApps && me.authorizedApps.indexOf('admin') >= 0);
  }

  function load() {
    return call('GET', API).then(function (county) {
      $('login').hidden = true;
      $('page').hidden = false;
      $('controls').hidden = false;
      var me = session.user();
      $('who').textContent = me ? me.userId : '';
      $('county').textContent = county.name + '（' + county.code + '）';
      $('forms').hidden = !isAdministrator();
      $('admin-only').hidden = isAdministrator();
    }).catch(function (failure) {
      if (failure && failure.status !== 401) {
        showLogin(problemText(failure));
      }
    });
  }

  function entryText(what, entry) {
    if (what === 'units') {
      return (KIND[entry.kind] || entry.kind) + ' ' + entry.name + '（' + entry.code + '）';
    }
    return entry.name + '（' + entry.code + '）' + (entry.kind ? ' ' + entry.kind : '');
  }

  function section(what, title, cls, entries) {
    if (!entries.length) { return null; }
    return el('div', { class: cls }, [
      el('h3', { text: title + ' ' + entries.length }),
      el('ul', {}, entries.map(function (entry) {
        return el('li', { text: entryText(what, entry) + (entry.changes && entry.changes.length
          ? '：' + entry.changes.join('；') : '') });
      }))
    ]);
  }

  function showPlan(what, plan) {
    var box = $(what + '-result');
    box.innerHTML = '';
    box.className = 'result ' + (plan.dryRun ? 'preview' : 'done');
    var nothing = !plan.added.length && !plan.changed.length && !plan.removed.length;
    box.appendChild(el('p', { class: 'heading', text: (plan.dryRun ? '预演（未改动）：' : '已导入：')
      + (nothing ? '没有任何改动' : '新增 ' + plan.added.length + '，变更 ' + plan.changed.length
        + '，删除 ' + plan.removed.length) + '，未变 ' + plan.unchanged }));
    [section(what, plan.dryRun ? '将新增' : '新增', 'added', plan.added),
      section(what, plan.dryRun ? '将变更' : '变更', 'changed', plan.changed),
      section(what, plan.dryRun ? '将删除' : '删除', 'removed', plan.removed)]
      .forEach(function (node) { if (node) { box.appendChild(node); } });
    (plan.notes || []).forEach(function (note) { box.appendChild(el('p', { class: 'removed', text: note })); });
  }

  function showFailure(what, failure) {
    var box = $(what + '-result');
    box.innerHTML = '';
    box.className = 'result error';
    var data = failure.data || {};
    if (failure.status === 400 && data.rows) {
      box.appendChild(el('p', { class: 'heading', text: (data.title || '文件有误') + '：' }));
      box.appendChild(el('ul', {}, data.rows.map(function (p) {
        return el('li', { class: 'row-problem', text: '第' + p.row + '行 ' + p.column + ' 列：' + p.reason });
      })));
    } else if (failure.status === 409) {
      box.appendChild(el('p', { class: 'heading', text: data.title || '单位仍有未结案件' }));
      box.appendChild(el('p', { text: data.detail || '' }));
    } else if (failure.status === 403) {
      box.appendChild(el('p', { text: data.detail || '只有系统管理员可以导入单位与人员' }));
    } else {
      box.appendChild(el('p', { text: problemText(failure) }));
    }
  }

  function send(what, dryRun) {
    var text = $(what + '-text').value;
    if (!text.trim()) {
      showFailure(what, { status: 0, data: { detail: '请选择 CSV 文件，或把内容粘贴在文本框中' } });
      return;
    }
    var buttons = [$(what + '-dry-run'), $(what + '-apply')];
    buttons.forEach(function (b) { b.disabled = true; });
    var box = $(what + '-result');
    box.className = 'result';
    box.textContent = dryRun ? '正在预演……' : '正在导入……';
    call('POST', API + '/' + what + '?dryRun=' + dryRun, text, 'text/csv; charset=utf-8')
      .then(function (plan) { showPlan(what, plan); })
      .catch(function (failure) { if (failure.status !== 401) { showFailure(what, failure); } })
      .then(function () { buttons.forEach(function (b) { b.disabled = false; }); });
  }

  function readFile(what) {
    var file = $(what + '-file').files[0];
    if (!file) { return; }
    $(what + '-file-name').textContent = file.name;
    var reader = new FileReader();
    reader.onload = function () { $(what + '-text').value = reader.result; };
    reader.readAsText(file, 'UTF-8');
  }

  document.addEventListener('DOMContentLoaded', function () {
    showLogin = OneDoorPages.loginForm(session, 'page', load);
    ['units', 'staff'].forEach(function (what) {
      $(what + '-file').addEventListener('change', function () { readFile(what); });
      $(what + '-dry-run').addEventListener('click', function () { send(what, true); });
      $(what + '-apply').addEventListener('click', function () { send(what, false); });
    });
    session.refreshToken().then(function () { return load(); }, function () { return load(); });
  });
}());
