/*
 * Copyright Camunda Services GmbH and/or licensed to Camunda Services GmbH
 * under one or more contributor license agreements. See the NOTICE file
 * distributed with this work for additional information regarding copyright
 * ownership. Camunda licenses this file to you under the Apache License,
 * Version 2.0; you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

// Same rule as the webapps use to pick the language: the browser's first language, cut at "-".
const zh = /^zh\b/i.test((navigator.languages && navigator.languages[0]) || navigator.language || '');
const text = (en, chinese) => (zh ? chinese : en);

export default {
  // App name in the header and the page title, in the user's language.
  app: {
    name: text('Tasklist', '任务列表'),
    vendor: 'Camunda'
  },
  //
  // configure the date format
  // "dateFormat": {
  //   "normal": "LLL",
  //   "long":   "LLLL"
  // },
  //
  // Chinese for browsers whose first language is zh (zh-CN, zh-TW, ...), English otherwise.
  // The zh date formats (2026-11-25 14:30) live in locales/zh.json ("dateLocales").
  locales: {
    availableLocales: ['en', 'zh'],
    fallbackLocale: 'en'
  },
  // form-js (Camunda Forms) has no translation hook: this script puts its fixed English
  // texts ("Field is required.", "Select", ...) into Chinese for zh browsers.
  // court-navbar: 提醒 (reminders, unread count) in the header; 创建任务 only for administrators.
  customScripts: ['scripts/formjs-zh', 'scripts/court-navbar'],
  // requireJsConfig: {
  //   // AngularJS module names
  //   ngDeps: ['ui.bootstrap'],
  //   // RequireJS configuration for a complete configuration documentation see:
  //   // http://requirejs.org/docs/api.html#config
  //   deps: ['jquery', 'custom-ui'],
  //   paths: {
  //     // if you have a folder called `custom-ui` (in the `scripts` folder)
  //     // with a file called `scripts.js` in it and defining the `custom-ui` AMD module
  //     'custom-ui': 'custom-ui/scripts'
  //   }
  // },
  // csrfCookieName: 'XSRF-TOKEN',
  // disableWelcomeMessage: false,
  // assignProcessInstanceIdToTaskComment: true,

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: text('claims the currently selected task', '认领当前选中的任务')
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: text('set the focus to the first filter in the list', '将焦点移到列表中的第一个过滤器')
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: text('sets the focus to the first task in the list', '将焦点移到列表中的第一个任务')
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: text('sets the focus to the first input field in a task form', '将焦点移到任务表单的第一个输入框')
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: text('opens the start process modal dialog', '打开“启动流程”对话框')
    }
  }
};
