/*
 * The court's part of Tasklist's header (a plugin at `tasklist.navbar.action`, loaded through
 * `customScripts` in config.js):
 *
 * - 提醒: the reminders and overdue notices of the escalation sweep, with the number of unread
 *   ones. Opening one marks it read on the server and opens its task. The application serves them
 *   at /camunda/api/court/notifications, behind the webapps' own login and CSRF protection.
 * - 创建任务 (a stand-alone task outside any case) shows only to whom the engine lets create
 *   tasks (administrators); user-styles.css hides it until this check allows it.
 */
const appRoot = document.querySelector('base').getAttribute('app-root');
const NOTIFICATIONS = `${appRoot}/api/court/notifications`;
const SHOWN = 20;
const REFRESH_MS = 60000;

const KINDS = {
  REMINDER: '即将到期',
  OVERDUE: '已超期',
  BADLY_OVERDUE: '严重超期',
  OVERDUE_REPORT: '超期统计'
};

function csrfToken() {
  const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/);
  return match ? decodeURIComponent(match[1]) : '';
}

async function call(path, method = 'GET') {
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: {Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken()}
  });
  if (!response.ok) throw new Error(`${response.status}`);
  return response.status === 204 ? null : response.json();
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

const pad = (n) => String(n).padStart(2, '0');

function shortTime(iso) {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

async function allowCreateTask(engineApi) {
  const check = await call(`${engineApi}/authorization/check?permissionName=CREATE&resourceName=Task&resourceType=7`);
  document.body.classList.toggle('court-may-create-task', !!(check && check.authorized));
}

function renderReminders(node) {
  const root = element('div', 'court-reminders dropdown');
  const toggle = element('a', 'court-reminders-toggle');
  toggle.href = '';
  toggle.setAttribute('role', 'button');
  toggle.append(element('span', 'glyphicon glyphicon-bell'), ' 提醒 ');
  const badge = element('span', 'badge court-reminders-unread');
  toggle.append(badge);
  const panel = element('div', 'dropdown-menu dropdown-menu-right court-reminders-panel');
  root.append(toggle, panel);
  node.append(root);

  const showCount = (count) => {
    badge.textContent = count > 0 ? String(count) : '';
    badge.style.display = count > 0 ? '' : 'none';
    toggle.title = count > 0 ? `${count} 条未读提醒` : '没有未读提醒';
  };

  const refreshCount = () =>
    call(`${NOTIFICATIONS}/unread-count`).then((body) => {
      showCount(body.unread);
      toggle.dataset.unread = String(body.unread); // the count as the server last said it
    }).catch(() => {});

  const open = async (notification, item) => {
    if (!notification.readAt) {
      await call(`${NOTIFICATIONS}/${notification.id}/read`, 'POST');
      notification.readAt = new Date().toISOString();
      item.classList.remove('court-reminder-unread');
      refreshCount();
    }
    if (notification.taskId) {
      root.classList.remove('open');
      window.location.hash = `#/?task=${encodeURIComponent(notification.taskId)}`;
    }
  };

  const renderList = (list) => {
    panel.replaceChildren();
    panel.append(element('div', 'court-reminders-heading', '提醒（最近 ' + SHOWN + ' 条）'));
    if (!list.length) {
      panel.append(element('div', 'court-reminders-empty', '暂无提醒'));
      return;
    }
    for (const notification of list) {
      const item = element('a', 'court-reminder' + (notification.readAt ? '' : ' court-reminder-unread'));
      item.href = '';
      item.dataset.id = notification.id;
      const meta = element('div', 'court-reminder-meta');
      meta.append(element('span', 'label label-default', KINDS[notification.kind] || '通知'), ' ',
        element('span', 'court-reminder-time', shortTime(notification.createdAt)), ' ',
        element('span', 'court-reminder-case', notification.caseNumber || ''),
        element('span', 'court-reminder-state', notification.readAt ? '已读' : '未读'));
      item.append(meta, element('div', 'court-reminder-title', notification.title));
      if (notification.body) item.append(element('div', 'court-reminder-body', notification.body));
      item.addEventListener('click', (event) => {
        event.preventDefault();
        open(notification, item).catch(() => panel.prepend(element('div', 'court-reminders-error', '标记已读失败，请重试。')));
      });
      panel.append(item);
    }
  };

  toggle.addEventListener('click', (event) => {
    event.preventDefault();
    if (root.classList.toggle('open')) {
      panel.replaceChildren(element('div', 'court-reminders-empty', '正在加载…'));
      call(`${NOTIFICATIONS}?limit=${SHOWN}`).then(renderList)
        .catch(() => panel.replaceChildren(element('div', 'court-reminders-error', '提醒加载失败，请刷新页面。')));
      refreshCount();
    }
  });
  const closeOutside = (event) => {
    if (!root.contains(event.target)) root.classList.remove('open');
  };
  document.addEventListener('click', closeOutside);

  showCount(0);
  refreshCount();
  const timer = setInterval(refreshCount, REFRESH_MS);
  return () => {
    clearInterval(timer);
    document.removeEventListener('click', closeOutside);
  };
}

let stop = null;

export default {
  id: 'court-reminders',
  pluginPoint: 'tasklist.navbar.action',
  priority: 50, // rightmost of the actions, beside the user's name
  render(node, {api}) {
    allowCreateTask(api.engineApi).catch(() => {});
    stop = renderReminders(node);
  },
  unmount() {
    if (stop) stop();
  }
};
