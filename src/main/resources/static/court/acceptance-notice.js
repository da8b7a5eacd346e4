// The acceptance notice with the applicant's query code, for the filing division and the disclosure
// unit: GET /api/disclosure/acceptance-notice with the webapp session (shows the code once), POST to
// reissue it with the user's own password (HTTP Basic: /api acts on the session for reads only).
(function () {
  'use strict';

  var status = document.getElementById('notice-status');
  var notice = document.getElementById('notice');
  var once = document.getElementById('notice-once');
  var reissue = document.getElementById('reissue');
  var reissueMessage = document.getElementById('reissue-message');
  var input = document.getElementById('case-number');
  var caseNumber = (new URLSearchParams(window.location.search).get('caseNumber') || '').trim();
  var userId = null;
  var issued = false; // whether the case has a code already (the POST then replaces it)

  function text(id, value) {
    document.getElementById(id).textContent = value == null || value === '' ? '—' : String(value);
  }

  /** 2026-12-02 → 2026年12月2日, as courts write dates. */
  function chineseDate(iso) {
    var parts = iso.split('-').map(Number);
    return parts[0] + '年' + parts[1] + '月' + parts[2] + '日';
  }

  function today() {
    var now = new Date();
    return chineseDate(now.getFullYear() + '-' + (now.getMonth() + 1) + '-' + now.getDate());
  }

  /** HTTP Basic credentials, UTF-8 as the server reads them. */
  function basic(user, password) {
    var bytes = new TextEncoder().encode(user + ':' + password);
    return 'Basic ' + btoa(String.fromCharCode.apply(null, bytes));
  }

  function refuse(message, login) {
    notice.hidden = true;
    once.hidden = true;
    reissue.hidden = true;
    status.className = 'screen-only refused';
    status.textContent = message;
    if (login) {
      var link = document.createElement('a');
      link.textContent = '登录任务列表';
      link.href = '/camunda/app/tasklist/';
      status.appendChild(document.createTextNode(' '));
      status.appendChild(link);
    }
  }

  function show(n) {
    document.title = '受理通知书 ' + n.caseNumber;
    status.className = 'screen-only';
    status.textContent = '案号：' + n.caseNumber;
    text('notice-court', n.court);
    text('notice-court-signature', n.court);
    text('notice-applicants', n.applicants.join('、'));
    text('notice-filing-date', n.filingDate ? chineseDate(n.filingDate) : null);
    text('notice-case-number', n.caseNumber);
    text('notice-query-page', /^https?:/.test(n.queryPage) ? n.queryPage : window.location.origin + n.queryPage);
    text('notice-date', today());
    text('notice-code', n.queryCode);
    notice.hidden = !n.queryCode;
    once.hidden = !n.queryCode;
    reissue.hidden = !!n.queryCode;
    issued = n.codeIssued;
    if (!n.queryCode) {
      text('reissue-reason', n.codeIssued
        ? '本案查询码已于 ' + n.printedAt.replace('T', ' ').substring(0, 16) + ' 打印，不再显示。申请人遗失查询码的，可重新生成：原查询码随即作废。'
        : '本案立案时尚未启用查询码（系统启用执行公开查询前立案），还没有查询码。可为本案签发查询码。');
      text('reissue-button', n.codeIssued ? '重新生成查询码' : '签发查询码');
    }
  }

  function answer(response) {
    if (response.status === 401) {
      return null;
    }
    return response.json().then(function (body) {
      if (response.ok) {
        show(body);
      } else {
        refuse(body.message || '无法读取受理通知书（' + response.status + '）。', false);
      }
      return body;
    });
  }

  // Who is logged in to the webapps (404 without a session): asked first, as the case page does, so
  // that /api's HTTP Basic challenge never opens the browser's own password box.
  function load() {
    status.textContent = '正在读取案件 ' + caseNumber + ' …';
    fetch('/camunda/api/admin/auth/user/default', {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (user) {
        if (!user) {
          refuse('请先登录。', true);
          return null;
        }
        userId = user.userId;
        // X-Requested-With: this page's own request, not a link from another site (the server insists).
        return fetch('/api/disclosure/acceptance-notice?caseNumber=' + encodeURIComponent(caseNumber),
          {credentials: 'same-origin', headers: {'Accept': 'application/json', 'X-Requested-With': 'XMLHttpRequest'}})
          .then(function (response) {
            if (response.status === 401) {
              refuse('请先登录。', true);
              return null;
            }
            return answer(response);
          });
      }).catch(function () { refuse('无法连接服务器，请稍后再试。', false); });
  }

  document.getElementById('notice-search').addEventListener('submit', function (event) {
    event.preventDefault();
    var wanted = input.value.trim();
    if (wanted) {
      window.location.search = '?caseNumber=' + encodeURIComponent(wanted);
    }
  });

  document.getElementById('print').addEventListener('click', function () { window.print(); });

  document.getElementById('reissue-form').addEventListener('submit', function (event) {
    event.preventDefault();
    reissueMessage.hidden = true;
    var password = document.getElementById('reissue-password');
    var question = issued
      ? '重新生成后，申请人此前领取的原查询码立即作废；新的查询码只显示一次，请随即打印。确定重新生成吗？'
      : '签发的查询码只显示一次，请随即打印。确定签发吗？';
    if (!window.confirm(question)) {
      return;
    }
    // credentials 'omit': no cookie is needed, and a wrong password then cannot open the
    // browser's own password box (Fetch standard: no prompt without credentials mode include).
    fetch('/api/disclosure/acceptance-notice?caseNumber=' + encodeURIComponent(caseNumber), {
      method: 'POST', credentials: 'omit',
      headers: {'Accept': 'application/json', 'X-Requested-With': 'XMLHttpRequest',
        'Authorization': basic(userId, password.value)}
    }).then(function (response) {
      password.value = '';
      if (response.status === 401) {
        reissueMessage.textContent = '密码不正确，未生成查询码。';
        reissueMessage.hidden = false;
        return null;
      }
      if (response.status === 429) {
        return response.json().then(function (body) {
          reissueMessage.textContent = body.message;
          reissueMessage.hidden = false;
        });
      }
      return answer(response);
    }).catch(function () {
      reissueMessage.textContent = '无法连接服务器，请稍后再试。';
      reissueMessage.hidden = false;
    });
  });

  if (caseNumber) {
    input.value = caseNumber;
    load();
  } else {
    status.textContent = '请输入案号。';
  }
})();
