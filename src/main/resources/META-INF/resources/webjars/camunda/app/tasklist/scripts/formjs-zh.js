/*
 * Chinese for the fixed English texts of form-js 1.8.7 (Camunda Forms in Tasklist 7.24).
 *
 * form-js has no translation hook, so this watches the DOM of rendered forms and replaces
 * its known texts (validation messages, "Select", "Search", ...). Loaded through
 * `customScripts` in config.js; does nothing unless the browser's first language is zh,
 * the same rule Tasklist uses to choose zh.json. Texts written by form authors are never
 * touched: only exact matches of the strings below, inside form-js containers, change.
 */
const zh = /^zh\b/i.test((navigator.languages && navigator.languages[0]) || navigator.language || '');

const EXACT = {
  'Field is required.': '此项为必填项。',
  'Field must be a valid email.': '请输入有效的电子邮箱地址。',
  'Field must be a valid  international phone number. (e.g. +4930664040900)':
    '请输入有效的国际格式电话号码（例如 +8637112345678）。',
  'Date and time must both be entered.': '日期和时间都必须填写。',
  'Date must match pattern yyyy-MM-dd': '日期格式须为 yyyy-MM-dd',
  'Select': '请选择',
  'Search': '搜索',
  'No results': '无匹配项',
  'All values selected': '已全部选择',
  'Add new': '添加',
  'Collapse': '收起'
};

const PATTERNS = [
  [/^Field must have minimum length of (.+)\.$/, '长度不能少于 $1 个字符。'],
  [/^Field must have maximum length of (.+)\.$/, '长度不能超过 $1 个字符。'],
  [/^Field must have minimum value of (.+)\.$/, '不能小于 $1。'],
  [/^Field must have maximum value of (.+)\.$/, '不能大于 $1。'],
  [/^Field must match pattern (.+)\.$/, '须符合格式 $1。'],
  [/^Expand all \((\d+)\)$/, '全部展开（$1）'],
  // The date field's placeholder, built from the browser's date format (zh-CN: yyyy/mm/dd, an
  // English system: mm/dd/yyyy): in Chinese, as Chinese date inputs read (年/月/日), in the same
  // order, so it still says how to type the date.
  [/^(?=.*yyyy)(?=.*mm)(?=.*dd)[ymd]+([/.-][ymd]+)+$/,
    (format) => format.replace('yyyy', '年').replace('mm', '月').replace('dd', '日')]
];

function translate(text) {
  const trimmed = text.trim();
  if (!trimmed) return null;
  let result = EXACT[trimmed];
  if (!result) {
    const rule = PATTERNS.find(([pattern]) => pattern.test(trimmed));
    if (rule) result = trimmed.replace(rule[0], rule[1]);
  }
  return result ? text.replace(trimmed, result) : null;
}

const inForm = (node) => {
  const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
  return !!(element && element.closest('.fjs-container'));
};

function translateText(node) {
  const result = inForm(node) && translate(node.data);
  if (result) node.data = result;
}

function translatePlaceholder(element) {
  const result = element.placeholder && inForm(element) && translate(element.placeholder);
  if (result) element.placeholder = result;
}

function translateTree(node) {
  if (node.nodeType === Node.TEXT_NODE) {
    translateText(node);
    return;
  }
  if (node.nodeType !== Node.ELEMENT_NODE) return;
  translatePlaceholder(node);
  const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let current = walker.nextNode(); current; current = walker.nextNode()) {
    if (current.nodeType === Node.TEXT_NODE) translateText(current);
    else translatePlaceholder(current);
  }
}

// The date picker (flatpickr) registers itself on window; Chinese month and day names.
function localizeDatePicker() {
  if (!window.flatpickr || !window.flatpickr.localize) return;
  window.flatpickr.localize({
    weekdays: {
      shorthand: ['日', '一', '二', '三', '四', '五', '六'],
      longhand: ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六']
    },
    months: {
      shorthand: ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'],
      longhand: ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月']
    },
    firstDayOfWeek: 1,
    rangeSeparator: ' 至 ',
    time_24hr: true
  });
}

if (zh) {
  localizeDatePicker();
  new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      if (mutation.type === 'characterData' || mutation.type === 'attributes') {
        translateTree(mutation.target);
      } else {
        mutation.addedNodes.forEach(translateTree);
      }
    }
  }).observe(document.documentElement, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['placeholder']
  });
}
