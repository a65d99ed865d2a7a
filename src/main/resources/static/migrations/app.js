/*
 * 流程版本迁移 (the designers' migration page): running cases per process and version, a dry run of the engine's
 * migration plan (equal activity ids) from an older version to the latest, and the migration as a batch with its
 * progress (API /api/designer/migrations). Plain JavaScript, no build; login and session from ../pages/session.js.
 */
(function () {
  'use strict';

  var API = '/api/designer/migrations';
  var el = OneDoorPages.el;
  var problemText = OneDoorPages.problemText;
  var session = OneDoorPages.session(function () { showLogin(); });
  var call = session.call;
  var showLogin = function () {};
  var current = null;

  function $(id) { return document.getElementById(id); }

  function load() {
    return call('GET', API).then(function (processes) {
      $('login').hidden = true;
      $('page').hidden = false;
      $('controls').hidden = false;
      var me = session.user();
      $('who').textContent = me ? me.userId : '';
      var body = $('processes').tBodies[0];
      body.textContent = '';
      processes.forEach(function (p) {
        var older = p.versions.filter(function (v) { return v.version < p.latestVersion && v.running > 0; });
        var actions = older.map(function (v) {
          return el('button', { type: 'button', class: 'plain', text: '试迁移 v' + v.version + ' → v' + p.latestVersion,
            onclick: function () { dryRun(p.key, v.version, p.latestVersion); } });
        });
        body.appendChild(el('tr', {}, [
          el('td', { text: p.name }), el('td', {}, [el('code', { text: p.key })]),
          el('td', { text: 'v' + p.latestVersion }),
          el('td', { text: p.versions.map(function (v) { return 'v' + v.version + '：' + v.running + ' 件'; }).join('，') }),
          el('td', { text: String(p.onOlderVersions) }),
          el('td', {}, actions)
        ]));
      });
    }).catch(function (failure) {
      if (failure.status === 403) {
        $('login').hidden = true;
        $('page').hidden = false;
        $('controls').hidden = false;
        $('page').textContent = '只有流程设计员可以查看和迁移流程版本。';
      } else if (failure.status !== 401) {
        showLogin(problemText(failure));
      }
    });
  }

  function dryRun(key, source, target) {
    current = { processKey: key, sourceVersion: source, targetVersion: target };
    $('plan').hidden = false;
    $('plan-title').textContent = key + '：v' + source + ' → v' + target + '（试迁移中……）';
    $('batch').textContent = '';
    return call('POST', API + '/dry-run', JSON.stringify(current)).then(function (run) {
      $('plan-title').textContent = key + '：v' + source + ' → v' + target;
      $('plan-summary').textContent = '在办 ' + run.cases + ' 件，可迁移 ' + run.migratable + ' 件，不能迁移 '
        + (run.cases - run.migratable) + ' 件；迁移计划映射 ' + run.mappings.length + ' 个环节。';
      var body = $('obstacles').tBodies[0];
      body.textContent = '';
      run.obstacles.forEach(function (o) {
        body.appendChild(el('tr', {}, [el('td', { text: o.activityId || '（整个案件）' }),
          el('td', { text: o.reason }), el('td', { text: String(o.cases) })]));
      });
      if (!run.obstacles.length) {
        body.appendChild(el('tr', {}, [el('td', { text: '—' }), el('td', { text: '全部可以迁移' }), el('td', { text: '0' })]));
      }
      var list = $('plan-problems');
      list.textContent = '';
      run.planProblems.forEach(function (line) { list.appendChild(el('li', { text: line })); });
      $('migrate').disabled = run.migratable === 0;
    }).catch(function (failure) { $('plan-summary').textContent = problemText(failure); });
  }

  function migrate() {
    $('migrate').disabled = true;
    call('POST', API + '/batches', JSON.stringify(current)).then(watch)
      .catch(function (failure) { $('batch').textContent = problemText(failure); });
  }

  function watch(progress) {
    var words = { RUNNING: '进行中', COMPLETED: '已完成', FAILED_JOBS: '有失败的作业（见流程监控的批处理）', SUSPENDED: '已暂停' };
    $('batch').textContent = '迁移批次 ' + progress.batchId + '：' + (words[progress.state] || progress.state)
      + '，' + progress.completedJobs + ' / ' + progress.totalJobs + ' 个作业完成'
      + (progress.failedJobs ? '，' + progress.failedJobs + ' 个失败' : '');
    if (progress.state === 'RUNNING') {
      setTimeout(function () {
        call('GET', API + '/batches/' + encodeURIComponent(progress.batchId)).then(watch)
          .catch(function (failure) { $('batch').textContent = problemText(failure); });
      }, 2000);
    } else {
      load();
    }
  }

  document.addEventListener('DOMContentLoaded', function () {
    showLogin = OneDoorPages.loginForm(session, 'page', load);
    $('migrate').addEventListener('click', migrate);
    session.refreshToken().then(function () { return load(); }, function () { return load(); });
  });
}());
