// The public disclosure query: posts the case number and query code, shows the answer.
(function () {
  'use strict';
  var form = document.getElementById('query');
  var message = document.getElementById('message');
  var result = document.getElementById('result');
  var button = document.getElementById('submit');

  function text(id, value) {
    document.getElementById(id).textContent = value == null || value === '' ? '尚未确定' : value;
  }

  function say(words) {
    message.textContent = words;
    message.hidden = false;
  }

  function show(c) {
    document.getElementById('resultCaseNumber').textContent = c.caseNumber;
    text('filingDate', c.filingDate);
    text('applicants', c.applicants.join('、'));
    text('respondents', c.respondents.join('、'));
    text('currentStage', c.currentStage);
    text('team', c.team);
    text('handler', c.handler);
    text('teamPhone', c.teamPhone);
    var list = document.getElementById('timeline');
    list.textContent = '';
    c.timeline.forEach(function (node) {
      var item = document.createElement('li');
      item.className = node.ended ? 'done' : 'open';
      item.appendChild(document.createTextNode(node.name));
      var when = document.createElement('span');
      when.className = 'when';
      when.textContent = node.ended
        ? (node.started === node.ended ? node.ended : node.started + ' 至 ' + node.ended)
        : node.started + ' 起，办理中';
      item.appendChild(when);
      list.appendChild(item);
    });
    result.hidden = false;
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    message.hidden = true;
    result.hidden = true;
    var caseNumber = form.caseNumber.value.trim();
    var queryCode = form.queryCode.value.trim();
    if (!caseNumber || !queryCode) {
      say('请填写案号和查询码。');
      return;
    }
    button.disabled = true;
    fetch('/public/api/disclosure', {
      method: 'POST',
      headers: {'Content-Type': 'application/json', 'Accept': 'application/json'},
      body: JSON.stringify({caseNumber: caseNumber, queryCode: queryCode})
    }).then(function (response) {
      return response.json().then(function (body) {
        if (response.ok) {
          show(body);
        } else {
          say(body.message || '查询失败，请稍后再试。');
        }
      });
    }).catch(function () {
      say('网络异常，请稍后再试。');
    }).then(function () {
      button.disabled = false;
    });
  });
}());
