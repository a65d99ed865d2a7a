/*
 * 决策表推演 (what-if before deploying a decision table): the designer picks a DMN file saved by Camunda Modeler; the
 * page sends it as it is to POST /api/designer/what-if (nothing is deployed) and shows how many past evaluations and
 * cases would come out differently, a summary by channel and each differing case by its code, old → new. Plain
 * JavaScript, no build; the login and the calls with the webapps' session come from /pages/session.js.
 */
(function () {
  'use strict';

  var API = '/api/designer/what-if';
  var el = OneDoorPages.el;
  var problemText = OneDoorPages.problemText;
  var session = OneDoorPages.session(function () { showLogin(); });
  var showLogin = function () {};
  var fileText = null;

  function $(id) { return document.getElementById(id); }

  function showPage() {
    var me = session.user();
    $('who').textContent = me ? me.userId : '';
    $('login').hidden = true;
    $('page').hidden = false;
    $('controls').hidden = false;
  }

  function showResult(kind, lines) {
    var box = $('what-if-result');
    box.className = 'result ' + kind;
    box.textContent = '';
    lines.forEach(function (line) { box.appendChild(el('p', {}, [line])); });
  }

  /** The chosen file's text, read when chosen; a promise, so that a quick click waits for it. */
  function readFile() {
    var file = $('what-if-file').files[0];
    $('what-if-file-name').textContent = file ? file.name : '未选择文件';
    fileText = file ? file.text() : null;
  }

  function time(iso) {
    if (!iso) { return ''; }
    var d = new Date(iso);
    function two(n) { return (n < 10 ? '0' : '') + n; }
    return d.getFullYear() + '-' + two(d.getMonth() + 1) + '-' + two(d.getDate()) + ' ' + two(d.getHours()) + ':'
      + two(d.getMinutes());
  }

  /** The outputs that changed, one line per output; a whole result when the number of matches changed. */
  function values(results, names) {
    if (!results.length) { return el('span', { class: 'muted', text: '（无结果）' }); }
    return el('ul', { class: 'values' }, results.map(function (result) {
      var shown = names.indexOf('result') >= 0 ? Object.keys(result) : names;
      return el('li', {}, shown.map(function (name) {
        var value = result[name];
        return el('span', {}, [el('code', { text: name }), ' ' + (value === '' ? '""' : String(value)) + ' ']);
      }));
    }));
  }

  function show(answer) {
    var head = '推演了最近 ' + answer.evaluations + ' 次评估（' + answer.cases + ' 个案件）：'
      + (answer.changedCases ? answer.changedCases + ' 个案件、' + answer.changedEvaluations + ' 次评估结果会不同。'
        : '没有案件的结果会不同。');
    var lines = [head];
    if (answer.truncated) { lines.push('历史中还有更早的评估未推演。'); }
    if (answer.failures.length) { lines.push(answer.failures.length + ' 次评估按新表无法求值（见下表）。'); }
    showResult('done', lines);

    var channels = $('by-channel').querySelector('tbody');
    channels.textContent = '';
    answer.byChannel.forEach(function (row) {
      var moved = row.movedIn || row.movedOut;
      channels.appendChild(el('tr', { 'data-channel': row.channel, class: moved ? 'moved' : '' }, [
        el('td', {}, [row.name + ' ', el('code', { text: row.channel })]),
        el('td', { text: String(row.before) }),
        el('td', { text: String(row.after), class: moved ? 'moved' : '' }),
        el('td', { text: row.movedIn ? '+' + row.movedIn : '' }),
        el('td', { text: row.movedOut ? '−' + row.movedOut : '' })
      ]));
    });
    if (!answer.byChannel.length) {
      channels.appendChild(el('tr', {}, [el('td', { colspan: '5', class: 'empty', text: '该决策没有调解渠道' })]));
    }

    var changes = $('changes').querySelector('tbody');
    changes.textContent = '';
    answer.changes.forEach(function (change) {
      changes.appendChild(el('tr', { 'data-case': change.caseCode }, [
        el('td', { text: change.caseCode || '' }),
        el('td', { text: time(change.evaluatedAt) }),
        el('td', { text: change.changedOutputs.join('、') }),
        el('td', { class: 'old' }, [values(change.before, change.changedOutputs)]),
        el('td', { class: 'new' }, [values(change.after, change.changedOutputs)])
      ]));
    });
    answer.failures.forEach(function (failure) {
      changes.appendChild(el('tr', { 'data-case': failure.caseCode }, [
        el('td', { text: failure.caseCode || '' }),
        el('td', { text: time(failure.evaluatedAt) }),
        el('td', { text: '无法求值' }),
        el('td', { colspan: '2', class: 'old', text: failure.reason })
      ]));
    });
    if (!answer.changes.length && !answer.failures.length) {
      changes.appendChild(el('tr', {}, [el('td', { colspan: '5', class: 'empty', text: '没有案件的结果会不同' })]));
    }
    $('answer').hidden = false;
  }

  function submit(event) {
    event.preventDefault();
    if (!fileText) {
      showResult('error', ['请先选择 DMN 文件']);
      return;
    }
    var decision = $('what-if-decision').value.trim();
    $('what-if-submit').disabled = true;
    $('answer').hidden = true;
    showResult('pending', ['正在推演……']);
    fileText.then(function (text) {
      return session.call('POST', API + (decision ? '?decision=' + encodeURIComponent(decision) : ''), text,
        'application/xml');
    }).then(show).catch(function (failure) {
      if (failure.status === 401) { return; }
      if (failure.status === 403) {
        showResult('error', ['只有流程设计员和系统管理员可以推演决策表']);
      } else {
        var title = failure.data && failure.data.title;
        showResult('error', title ? [title + '：', problemText(failure)] : [problemText(failure)]);
      }
    }).then(function () {
      $('what-if-submit').disabled = false;
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    showLogin = OneDoorPages.loginForm(session, 'page', showPage);
    $('what-if-file').addEventListener('change', readFile);
    $('what-if-form').addEventListener('submit', submit);
    session.refreshToken().then(function (me) {
      if (me) { showPage(); } else { showLogin(); }
    }, function () { showLogin(); });
  });
}());
