// The supervision page: every table of /api/supervision/... with its chart, its CSV link, and a link
// from each case to its case page and its Cockpit instance. Staff come with their Camunda webapp
// session; the session is checked first with the webapps' own call, so that a page opened without
// one says so instead of letting /api answer with a password prompt.
'use strict';

const API = '/api/supervision/';
const COCKPIT = '/camunda/app/cockpit/default/#/process-instance/';
const NUMBER_COLUMNS = /^(cases|nodes|stillOpen|closed|inTerm|inTermRate|done|averageDays|p90Days|observed|expected|allDraws|overdueDays|daysSinceArrival|arrived|costs|paid|pending|outstanding|amount|unpaid)$/;

// JSON numbers lose their trailing zeros: amounts show fen, rates and days one decimal, as the server rounds them.
const DECIMALS = {arrived: 2, costs: 2, paid: 2, pending: 2, outstanding: 2, amount: 2, unpaid: 2,
  inTermRate: 1, averageDays: 1, p90Days: 1, expected: 1};

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
  children.forEach(child => node.append(child));
  return node;
}

function notice(...content) {
  const box = document.getElementById('notice');
  box.replaceChildren(...content);
  box.hidden = false;
}

class Refusal extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

async function api(path) {
  const response = await fetch(API + path, {credentials: 'same-origin', headers: {Accept: 'application/json'}});
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    throw new Refusal(response.status, body.message || '数据读取失败（' + response.status + '）');
  }
  return response.json();
}

function csvLink(path) {
  return el('a', {href: API + path + (path.includes('?') ? '&' : '?') + 'format=csv', download: ''}, '导出 CSV');
}

function caseLinks(row) {
  const links = [el('a', {href: '/court/case.html?caseNumber=' + encodeURIComponent(row.caseNumber)}, row.caseNumber)];
  if (row.processInstanceId) {
    links.push(el('a', {href: COCKPIT + row.processInstanceId + '/runtime', class: 'cockpit'}, 'Cockpit'));
  }
  return links;
}

function cell(key, row) {
  const td = el('td', {'data-key': key});
  if (key === 'caseNumber') {
    td.append(...caseLinks(row));
  } else if (key === 'assigneeName' && row.assignee) {
    const link = el('a', {href: '#overdue'}, row.assigneeName);
    link.addEventListener('click', () => loadOverdue('assignee=' + encodeURIComponent(row.assignee)));
    td.append(link);
  } else if (key === 'week') {
    const link = el('a', {href: '#overdue'}, row.week);
    link.addEventListener('click', () => loadOverdue('week=' + row.week));
    td.append(link);
  } else {
    const value = row[key];
    td.append(value === null || value === undefined ? '' : key in DECIMALS ? Number(value).toFixed(DECIMALS[key]) : String(value));
  }
  if (NUMBER_COLUMNS.test(key)) {
    td.classList.add('number');
  }
  return td;
}

function table(data) {
  if (data.rows.length === 0) {
    return el('p', {class: 'empty'}, '暂无数据');
  }
  const head = el('tr', {}, ...data.columns.map(c => el('th', NUMBER_COLUMNS.test(c.key) ? {class: 'number'} : {}, c.label)));
  const body = data.rows.map(row => el('tr', {}, ...data.columns.map(c => cell(c.key, row))));
  return el('div', {class: 'scroll'}, el('table', {}, el('thead', {}, head), el('tbody', {}, ...body)));
}

/** Fills a section: title with CSV link, an optional summary, an optional chart, the table. */
function show(id, path, data, summary) {
  const section = document.getElementById(id);
  const parts = [el('h2', {}, data.title, csvLink(path))];
  if (summary) {
    parts.push(summary);
  }
  let chartBox = null;
  if (section.dataset.chart && data.rows.length > 0) {
    chartBox = el('div', {class: 'chart'});
    parts.push(chartBox);
  }
  parts.push(table(data));
  section.replaceChildren(...parts);
  if (chartBox) {
    // No animation: a figure for supervisors, drawn at once (and a screenshot shows it whole).
    echarts.init(chartBox).setOption({animation: false, ...CHARTS[section.dataset.chart](data.rows)});
  }
}

function distinct(values) {
  return [...new Set(values)];
}

/** A bar per x, one stacked series per group. */
function stacked(rows, x, group, value) {
  const xs = distinct(rows.map(r => r[x]));
  const series = distinct(rows.map(r => r[group])).map(name => ({
    name, type: 'bar', stack: 'all', barMaxWidth: 60,
    data: xs.map(v => rows.filter(r => r[x] === v && r[group] === name).reduce((sum, r) => sum + Number(r[value]), 0))
  }));
  return {tooltip: {trigger: 'axis'}, legend: {type: 'scroll'}, grid: {top: 60, bottom: 10, containLabel: true},
    xAxis: {type: 'category', data: xs, axisLabel: {interval: 0, rotate: xs.length > 6 ? 30 : 0}},
    yAxis: {type: 'value', minInterval: 1}, series};
}

/** One row per x, each key summed over the rows with that x. */
function sums(rows, x, keys) {
  return distinct(rows.map(r => r[x])).map(v => Object.fromEntries([[x, v],
    ...keys.map(k => [k, rows.filter(r => r[x] === v).reduce((sum, r) => sum + Number(r[k]), 0)])]));
}

/** One bar series per [key, name]; counts: whole numbers on the axis. */
function bars(rows, x, series, counts) {
  return {tooltip: {trigger: 'axis'}, legend: {}, grid: {top: 50, bottom: 10, containLabel: true},
    xAxis: {type: 'category', data: rows.map(r => r[x]), axisLabel: {interval: 0, rotate: rows.length > 6 ? 30 : 0}},
    yAxis: counts ? {type: 'value', minInterval: 1} : {type: 'value'},
    series: series.map(([key, name]) => ({name, type: 'bar', barMaxWidth: 60, data: rows.map(r => Number(r[key]))}))};
}

const CHARTS = {
  'stacked-team': rows => stacked(rows, 'teamName', 'stage', 'cases'),
  'weeks': rows => bars(rows, 'week', [['nodes', '超期节点数'], ['stillOpen', '其中仍未办结']], true),
  // all teams together: a month's closures beside those within the term (per team in the table)
  'in-term': rows => bars(sums(rows, 'month', ['closed', 'inTerm']), 'month', [['closed', '结案数'], ['inTerm', '期限内结案']], true),
  'kinds': rows => stacked(rows, 'month', 'kind', 'closed'),
  'stage-times': rows => bars(rows, 'stage', [['averageDays', '平均（天）'], ['p90Days', '90%分位（天）']]),
  'fairness': rows => bars(rows, 'teamName', [['observed', '分到案件数'], ['expected', '期望数']], true),
  'money': rows => ({tooltip: {}, grid: {bottom: 10, containLabel: true},
    xAxis: {type: 'category', data: ['已到账', '执行费用', '已发放', '待发放', '未发放']}, yAxis: {type: 'value'},
    series: [{type: 'bar', barMaxWidth: 60, data: ['arrived', 'costs', 'paid', 'pending', 'outstanding'].map(k => Number(rows[0][k]))}]})
};

/** The overdue nodes, all current ones or narrowed to a week or a person, with the way back to all. */
async function loadOverdue(query) {
  const path = 'overdue' + (query ? '?' + query : '');
  let back = null;
  if (query) {
    const link = el('a', {href: '#overdue', id: 'overdue-all'}, '显示全部当前超期节点');
    link.addEventListener('click', () => loadOverdue(''));
    back = el('p', {class: 'summary'}, link);
  }
  show('overdue', path, await api(path), back);
}

function fairnessSummary(result) {
  const report = result.report;
  const verification = result.verification;
  const test = report.chiSquare === null ? '抽签次数不足，暂不检验'
    : '卡方值 ' + report.chiSquare.toFixed(2) + '（自由度 ' + report.degreesOfFreedom + '，p = ' + report.pValue.toFixed(3) + '）';
  return el('div', {class: 'summary'},
    el('p', {id: 'chi-square'}, test + '。' + report.message),
    el('p', {id: 'ledger', class: verification.ok ? '' : 'bad'},
      '分案记录校验：' + (verification.ok ? '完整（已校验 ' + verification.checked + ' 条）' : verification.message)));
}

async function load() {
  const session = await fetch('/camunda/api/admin/auth/user/default', {credentials: 'same-origin'});
  if (!session.ok) {
    notice('请先登录。', el('a', {href: '/camunda/app/tasklist/'}, '登录任务列表'), '后再打开本页。');
    return;
  }
  document.getElementById('user').textContent = (await session.json()).userId;
  let openCases;
  try {
    openCases = await api('open-cases');
  } catch (refusal) {
    notice(refusal.message);
    return;
  }
  document.getElementById('figures').hidden = false; // before the charts, which measure their boxes
  show('open-cases', 'open-cases', openCases);
  const simple = ['handlers', 'overdue-weeks', 'closures', 'closure-kinds', 'stage-times', 'money', 'late-payouts'];
  await Promise.all([
    ...simple.map(async id => show(id, id, await api(id))),
    loadOverdue(''),
    api('fairness').then(result => show('fairness', 'fairness', result.table, fairnessSummary(result)))
  ]);
  document.body.dataset.loaded = 'true';
}

load().catch(error => notice('页面加载失败：' + error.message));
