/*
 * What OneDoor's own pages (督办一屏 /supervision/, 节假日安排 /calendar/, 决策表推演 /designer/what-if/, 单位与人员导入 /county/) share: building elements, the webapps' login
 * and calling our API with that session. Plain JavaScript, no build: a page loads /pages/session.js before its app.js
 * and uses window.OneDoorPages. Kept in one file so that a fix to the login or the CSRF handling reaches every page.
 *
 * Login: a page posts the webapps' own login form (/camunda/api/admin/auth/user/default/login/welcome) and then calls
 * /api/** with that session cookie, so people use one account and one login for Tasklist, Cockpit and our pages.
 * The webapps renew their CSRF token at login; the token is read from the X-XSRF-TOKEN header (of
 * /camunda/api/admin/auth/user/default right after login, of any answer of our API later) and sent back on every
 * change.
 */
(function () {
  'use strict';

  var WEBAPP_AUTH = '/camunda/api/admin/auth/user/default';

  /** An element with attributes (text, class, on<event> handlers, any other attribute) and children (nodes or text). */
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === 'text') { node.textContent = attrs[key]; }
      else if (key === 'class') { node.className = attrs[key]; }
      else if (key.indexOf('on') === 0) { node.addEventListener(key.substring(2), attrs[key]); }
      else { node.setAttribute(key, attrs[key]); }
    });
    (children || []).forEach(function (child) {
      if (child !== null && child !== undefined) {
        node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
      }
    });
    return node;
  }

  /** A failed call in one line for people: the reasons our API gave (Chinese), else its detail or title. */
  function problemText(failure) {
    var data = failure && failure.data;
    if (data && data.invalidParams && data.invalidParams.length) {
      return data.invalidParams.map(function (p) { return p.reason; }).join('；');
    }
    return (data && (data.detail || data.title)) || '操作失败（' + (failure && failure.status) + '）';
  }

  /**
   * One page's session with the webapps. onUnauthorized runs when our API answers 401 (never logged in, or the
   * session expired): the page shows its login form. Every call answers a promise; a failed call rejects with
   * {status, data} where data is the parsed problem, if any.
   */
  function session(onUnauthorized) {
    var csrf = null;
    var user = null;

    function keepToken(response) {
      // our API hands back the webapps' CSRF token to a session caller: keep the newest
      csrf = response.headers.get('X-XSRF-TOKEN') || csrf;
    }

    /** contentType: of a body that is not JSON (a DMN file is application/xml); JSON when omitted. */
    function call(method, path, body, contentType) {
      var headers = { 'X-Requested-With': 'XMLHttpRequest', 'Accept': 'application/json' };
      if (csrf) { headers['X-XSRF-TOKEN'] = csrf; }
      if (body !== undefined) { headers['Content-Type'] = contentType || 'application/json'; }
      return fetch(path, { method: method, headers: headers, credentials: 'same-origin',
        // a string is sent as it is (a notice pasted by a person), anything else as JSON
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) })
        .then(function (response) {
          keepToken(response);
          return response.text().then(function (text) {
            var data = null;
            try { data = text ? JSON.parse(text) : null; } catch (notJson) { data = null; }
            if (response.status === 401) {
              if (onUnauthorized) { onUnauthorized(); }
              throw { status: 401, data: data };
            }
            if (!response.ok) { throw { status: response.status, data: data }; }
            return data;
          });
        });
    }

    /**
     * The webapps' CSRF token, renewed by them at login: read it from their "who am I" answer, which also names the
     * user and the webapps they may open ({userId, authorizedApps}); null when nobody is logged in.
     */
    function refreshToken() {
      return fetch(WEBAPP_AUTH, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
        .then(function (response) {
          keepToken(response);
          return response.ok ? response.json() : null;
        })
        .then(function (answer) {
          user = answer;
          return answer;
        });
    }

    /** Logs in through the webapps' form; answers the "who am I" of the new session, rejects on a wrong password. */
    function login(username, password) {
      var form = new URLSearchParams();
      form.set('username', username);
      form.set('password', password);
      return refreshToken().then(function () {
        return fetch(WEBAPP_AUTH + '/login/welcome', { method: 'POST', credentials: 'same-origin',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-XSRF-TOKEN': csrf || '' },
          body: form.toString() });
      }).then(function (response) {
        if (!response.ok) { throw response; }
        return refreshToken();
      });
    }

    /** Ends the webapps' session (for Tasklist and Cockpit too); resolves whatever the server said. */
    function logout() {
      return fetch(WEBAPP_AUTH + '/logout', { method: 'POST', credentials: 'same-origin',
        headers: { 'X-XSRF-TOKEN': csrf || '' } })
        .catch(function () { return null; })
        .then(function () {
          csrf = null;
          user = null;
        });
    }

    return {
      call: call,
      refreshToken: refreshToken,
      login: login,
      logout: logout,
      /** The last "who am I" answer ({userId, authorizedApps}), or null. */
      user: function () { return user; }
    };
  }

  /**
   * The login form every page has: #login holding #login-form (#username, #password) and #login-error, a #logout
   * button, and the page's content (contentId) and #controls hidden while nobody is logged in. onLogin runs after a
   * successful login. Answers show(message), which shows the form with a message (e.g. after a 401).
   */
  function loginForm(pageSession, contentId, onLogin) {
    function byId(id) { return document.getElementById(id); }

    function show(message) {
      byId(contentId).hidden = true;
      byId('controls').hidden = true;
      byId('login').hidden = false;
      byId('login-error').textContent = message || '';
    }

    byId('login-form').addEventListener('submit', function (event) {
      event.preventDefault();
      pageSession.login(byId('username').value.trim(), byId('password').value).then(function () {
        byId('password').value = '';
        byId('login').hidden = true;
        onLogin();
      }).catch(function () {
        show('用户名或密码错误');
      });
    });
    byId('logout').addEventListener('click', function () {
      pageSession.logout().then(function () { show('已退出'); });
    });
    return show;
  }

  window.OneDoorPages = { el: el, problemText: problemText, session: session, loginForm: loginForm };
}());
