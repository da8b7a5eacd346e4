// The case page: reads GET /api/case-page with the Camunda webapp session (staff logged in to
// Tasklist or Cockpit) and shows it. Every value is written as text, never as HTML.
(function () {
  'use strict';

  var status = document.getElementById('case-status');
  var content = document.getElementById('case-content');
  var cockpit = false; // whether the user may open Cockpit

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    if (className) {
      node.className = className;
    }
    return node;
  }

  function yesNo(value) {
    return value ? '是' : '否';
  }

  function money(value) {
    return value === null || value === undefined ? '' : Number(value).toFixed(2) + ' 元';
  }

  /** A table of rows; columns: [header, function(row) → text or node]. */
  function table(id, columns, rows, empty) {
    var target = document.getElementById(id);
    target.textContent = '';
    if (!rows || rows.length === 0) {
      var none = target.insertRow();
      none.appendChild(el('td', empty || '无'));
      return;
    }
    var head = target.insertRow();
    columns.forEach(function (c) { head.appendChild(el('th', c[0])); });
    rows.forEach(function (row) {
      var tr = target.insertRow();
      columns.forEach(function (c) {
        var value = c[1](row);
        var td = tr.insertCell();
        if (value instanceof Node) {
          td.appendChild(value);
        } else {
          td.textContent = value === null || value === undefined ? '' : String(value);
        }
      });
    });
  }

  function list(id, pairs) {
    var target = document.getElementById(id);
    target.textContent = '';
    pairs.forEach(function (p) {
      target.appendChild(el('dt', p[0]));
      target.appendChild(el('dd', p[1] === null || p[1] === undefined || p[1] === '' ? '—' : p[1]));
    });
  }

  function show(page) {
    document.title = '案件页面 ' + page.caseNumber;
    status.className = '';
    status.textContent = '案号：' + page.caseNumber;
    var f = page.filing || {};
    list('case-filing', [['立案日期', f.filingDate], ['案件类型', f.caseKind], ['非诉执行', page.filing ? yesNo(f.nonLitigation) : ''],
      ['申请执行标的', money(f.amountClaimed)], ['执行依据文号', f.basisDocumentNumber], ['作出执行依据的机关', f.basisCourt],
      ['执行依据类型', f.basisType], ['申请人提供的财产线索', f.propertyClues], ['承办团队', f.handlerTeam], ['承办人', f.handler]]);
    table('case-parties', [['身份', function (p) { return p.role; }], ['名称', function (p) { return p.name; }],
      ['类型', function (p) { return p.kind; }], ['证件', function (p) { return p.idType + ' ' + p.idNumber; }],
      ['法定代表人或负责人', function (p) { return p.legalRepresentative; }], ['联系电话', function (p) { return p.phone; }],
      ['住所地', function (p) { return p.address; }]], page.parties);
    showProcesses(page.processes);
    // Each decision names the table version that took it: a later version never decides it again.
    table('case-decisions', [['决策', function (d) { return d.name; }],
      ['决策表版本', function (d) { return d.version === null ? d.key + '（已删除的版本）' : d.key + ' 第 ' + d.version + ' 版'; }],
      ['决定时间', function (d) { return d.decidedAt; }], ['流程', function (d) { return d.process; }],
      ['结果', function (d) { return d.result; }], ['命中规则', function (d) { return d.rule; }]],
      page.decisions, '尚无决策表的决定');
    showClock(page.clock);
    showMeasures(page.measures);
    table('case-property', [['被执行人', function (p) { return p.respondent; }], ['财产类型', function (p) { return p.kind; }],
      ['所在机构', function (p) { return p.holderInstitution; }], ['价值', function (p) { return money(p.value); }],
      ['已控制', function (p) { return yesNo(p.controlled); }], ['需线下处置', function (p) { return yesNo(p.needsOfflineAction); }],
      ['线下措施', function (p) { return p.offlineMeasure; }], ['备注', function (p) { return p.remarks; }]], page.propertyItems);
    var m = page.money;
    list('case-money', [['已到账', money(m.arrived)], ['执行费用', money(m.costs)], ['已发放', money(m.paid)],
      ['待发放', money(m.pending)], ['未发放余额', money(m.outstanding)]]);
    table('case-circulation', [['类型', function (e) { return e.kind; }], ['登记簿编号', function (e) { return e.registerNumber; }],
      ['时间', function (e) { return e.handedAt; }], ['移交单位', function (e) { return e.fromUnit; }],
      ['移交人', function (e) { return e.fromPerson; }], ['接收单位', function (e) { return e.toUnit; }],
      ['接收人', function (e) { return e.toPerson; }], ['接收环节', function (e) { return e.step; }]], page.circulation);
    table('case-dossier', [['文书类型', function (d) { return d.documentType; }], ['名称', function (d) { return d.name; }],
      ['页数', function (d) { return d.pages; }], ['扫描时间', function (d) { return d.scannedAt; }],
      ['扫描人', function (d) { return d.scannedBy; }]], page.dossier, '尚未编目');
    content.hidden = false;
  }

  function showProcesses(processes) {
    var target = document.getElementById('case-processes');
    target.textContent = '';
    processes.forEach(function (p) {
      var heading = el('h3', p.name + (p.running ? '（进行中）' : '（已结束 ' + p.ended + '）'), p.running ? '' : 'ended');
      if (p.cockpit && cockpit) {
        var link = el('a', '在 Cockpit 中查看');
        link.href = p.cockpit;
        heading.appendChild(document.createTextNode(' '));
        heading.appendChild(link);
      }
      target.appendChild(heading);
      if (p.running) {
        var tasks = el('table');
        tasks.id = 'case-tasks-' + p.processInstanceId;
        target.appendChild(tasks);
        table(tasks.id, [['当前任务', function (t) { return t.name; }], ['办理部门', function (t) { return t.groups.join('、'); }],
          ['办理人', function (t) { return t.assignee || '（未领取）'; }], ['创建时间', function (t) { return t.created; }],
          ['到期时间', function (t) { return t.overdue ? el('span', t.due + '（已超期）', 'overdue') : t.due; }]],
          p.tasks, '当前没有待办任务');
      }
    });
  }

  function showClock(clock) {
    if (!clock) {
      list('case-clock', [['执行期限', '尚未登记']]);
      return;
    }
    list('case-clock', [['立案日期', clock.filingDate], ['法定期限', clock.months + ' 个月'],
      ['已批准延长', clock.extensionMonths + ' 个月'], ['不计入期限的天数', clock.pausedDays + ' 日'], ['执行期限届满日', clock.deadline]]);
    table('case-pauses', [['不计入期限的期间', function (p) { return p.reason; }], ['开始', function (p) { return p.start; }],
      ['恢复计算', function (p) { return p.end || '（进行中）'; }], ['开始环节', function (p) { return p.startedBy; }],
      ['结束环节', function (p) { return p.endedBy; }]], clock.pauses, '没有不计入期限的期间');
    table('case-extensions', [['延长期限', function (e) { return e.months + ' 个月'; }], ['批准时间', function (e) { return e.approvedAt; }]],
      clock.extensions, '没有延长期限');
  }

  function showMeasures(groups) {
    var target = document.getElementById('case-measures');
    target.textContent = '';
    if (groups.length === 0) {
      target.appendChild(el('p', '尚未记录执行措施'));
    }
    groups.forEach(function (g, i) {
      target.appendChild(el('h3', g.respondent ? '被执行人：' + g.respondent : '涉及全案'));
      var measures = el('table');
      measures.id = 'case-measures-' + i;
      target.appendChild(measures);
      table(measures.id, [['措施', function (m) { return m.kind; }], ['日期', function (m) { return m.performedOn; }],
        ['情况记录', function (m) { return m.summary; }]], g.measures);
    });
  }

  function refuse(message, login) {
    content.hidden = true;
    status.className = 'refused';
    status.textContent = message;
    if (login) {
      var link = el('a', '登录任务列表');
      link.href = '/camunda/app/tasklist/';
      status.appendChild(document.createTextNode(' '));
      status.appendChild(link);
    }
  }

  // The webapps' own question "who is logged in" (404 without a session): asked first, so a browser
  // without a session is sent to the login instead of meeting /api's HTTP Basic challenge. Its
  // authorizedApps say whether the Cockpit links can be opened.
  function session() {
    return fetch('/camunda/api/admin/auth/user/default', {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
      .then(function (response) { return response.ok ? response.json() : null; });
  }

  function load(caseNumber) {
    status.className = '';
    status.textContent = '正在读取案件 ' + caseNumber + ' …';
    session().then(function (user) {
      if (!user) {
        refuse('请先登录。', true);
        return null;
      }
      cockpit = (user.authorizedApps || []).indexOf('cockpit') >= 0;
      return fetch('/api/case-page?caseNumber=' + encodeURIComponent(caseNumber),
          {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
        .then(function (response) {
          if (response.status === 401) {
            refuse('请先登录。', true);
            return null;
          }
          return response.json().then(function (body) {
            if (response.ok) {
              show(body);
            } else {
              refuse(body.message || '无法读取案件（' + response.status + '）。', false);
            }
          });
        });
    }).catch(function () { refuse('无法连接服务器，请稍后再试。', false); });
  }

  var caseNumber = new URLSearchParams(window.location.search).get('caseNumber');
  var input = document.getElementById('case-number');
  document.getElementById('case-search').addEventListener('submit', function (event) {
    event.preventDefault();
    var wanted = input.value.trim();
    if (wanted) {
      window.location.search = '?caseNumber=' + encodeURIComponent(wanted);
    }
  });
  if (caseNumber) {
    input.value = caseNumber;
    load(caseNumber.trim());
  } else {
    status.textContent = '请输入案号。';
  }
})();
