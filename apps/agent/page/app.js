// The helpdesk agent's chat window (served by the agent itself on 127.0.0.1; see
// src/desktop/local-server.ts). The agent keeps the state and sends it whole over server-sent
// events; this page renders it and posts the user's actions. The secret is in an httpOnly
// cookie: this script never sees it.
/* global document, window, EventSource */
'use strict';

const MAX_FILE_BYTES = 20 * 1024 * 1024;
const ALLOWED = ['pdf', 'mp3', 'mp4', 'doc', 'docx', 'xls', 'xlsx', 'msi'];

let T = {};
let lang = 'en';
let state = null;
let localNotice = null;
let typingSentAt = 0;
const app = document.getElementById('app');
const $ = (testid) => app.querySelector(`[data-testid="${testid}"]`);

function t(key, vars = {}) {
  const template = T[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (m, k) => (k in vars ? String(vars[k]) : m));
}

function size(n) {
  const mb = lang === 'fr' ? 'Mo' : 'MB';
  const kb = lang === 'fr' ? 'Ko' : 'KB';
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} ${mb}` : `${Math.max(1, Math.round(n / 1024))} ${kb}`;
}

function time(iso) {
  return new Date(iso).toLocaleTimeString(lang, { hour: '2-digit', minute: '2-digit' });
}

async function post(path, body, contentType = 'application/json') {
  const res = await fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': contentType },
    body: contentType === 'application/json' ? JSON.stringify(body ?? {}) : body,
  });
  const answer = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(answer.message || `HTTP ${res.status}`);
  return answer;
}

async function act(action, body) {
  localNotice = null;
  try {
    await post(`/api/actions/${action}`, body);
  } catch {
    // The agent shows the error as the state's notice (it arrives over the event stream).
  }
}

function noticeText() {
  if (localNotice) return localNotice;
  const n = state?.notice;
  if (!n) return '';
  if (n.key === 'error') return t('error', { message: n.message ?? '' });
  return T[n.key] ? t(n.key, n.vars ?? {}) : (n.message ?? '');
}

function statusText() {
  if (state.connection === 'online') return t('online', { device: state.device?.name ?? '' });
  return t(state.connection);
}

function messageItem(m, earlier) {
  const li = document.createElement('li');
  li.dataset.testid = earlier ? 'agent-earlier-message' : 'agent-message';
  li.dataset.author = m.author.kind;
  li.dataset.kind = m.kind ?? 'text';
  if (m.seq !== undefined) li.dataset.seq = String(m.seq);
  if (earlier) li.className = 'earlier';
  const when = document.createElement('time');
  when.textContent = time(m.createdAt);
  li.append(when);
  if (m.kind === 'system') {
    li.append(document.createTextNode(m.body));
    return li;
  }
  const who = document.createElement('strong');
  who.textContent = `${m.author.name}: `;
  li.append(who);
  if (m.kind === 'file' && m.file) {
    const a = document.createElement('a');
    a.href = `/api/files/${encodeURIComponent(m.file.fileId)}`;
    a.download = m.file.name;
    a.dataset.testid = 'agent-file-link';
    a.textContent = `${m.file.name} (${size(m.file.size)})`;
    li.append(a);
  } else {
    const body = document.createElement('span');
    body.className = 'body';
    body.textContent = m.body;
    li.append(body);
  }
  return li;
}

function renderChat() {
  const chat = state.chat;
  const list = $('agent-messages');
  if (!chat) {
    list.replaceChildren();
    list.dataset.chatId = '';
    return;
  }
  $('agent-chat').dataset.chatId = chat.id;
  $('agent-chat-technician').textContent = t('chatWith', { name: chat.technician });
  if (list.dataset.chatId !== chat.id) {
    list.replaceChildren();
    list.dataset.chatId = chat.id;
    if (chat.earlier) {
      const head = document.createElement('li');
      head.dataset.kind = 'system';
      head.textContent = t('earlier', { number: chat.earlier.number });
      list.append(head, ...chat.earlier.lines.map((l) => messageItem({ ...l, kind: 'text' }, true)));
    }
  }
  const shown = new Set([...list.querySelectorAll('[data-seq]')].map((li) => Number(li.dataset.seq)));
  let added = false;
  for (const m of chat.messages) {
    if (shown.has(m.seq)) continue;
    list.append(messageItem(m, false));
    added = true;
  }
  if (added) list.scrollTop = list.scrollHeight;
  const typing = $('agent-typing');
  typing.hidden = !state.typing;
  typing.textContent = state.typing ? t('typing', { name: state.typing }) : '';
}

function render() {
  if (!state) return;
  app.dataset.phase = state.phase;
  app.dataset.connection = state.connection;
  $('agent-status').textContent = statusText();
  for (const el of app.querySelectorAll('[data-show]')) el.hidden = !el.dataset.show.split(' ').includes(state.phase);
  const notice = $('agent-notice');
  const text = noticeText();
  notice.hidden = !text;
  notice.textContent = text;
  notice.dataset.key = localNotice ? 'local' : (state.notice?.key ?? '');
  $('agent-chat-as').textContent = t('chatAs', { name: state.device?.contact ?? '' });
  const request = $('agent-request');
  request.hidden = !state.request;
  if (state.request) {
    request.dataset.conversationId = state.request.conversationId;
    $('agent-request-text').textContent = t('requestText', { name: state.request.technician });
    $('agent-request-technician').textContent = state.request.technician;
  }
  renderChat();
}

function applyTexts() {
  document.documentElement.lang = lang;
  document.title = t('title');
  for (const el of document.querySelectorAll('[data-t]')) el.textContent = t(el.dataset.t);
  for (const el of document.querySelectorAll('[data-t-placeholder]')) el.placeholder = t(el.dataset.tPlaceholder);
}

function fileProblem(file) {
  const ext = (/\.([a-z0-9]+)$/i.exec(file.name)?.[1] ?? '').toLowerCase();
  if (!ALLOWED.includes(ext)) return t('fileType', { name: file.name });
  if (file.size > MAX_FILE_BYTES) return t('fileTooLarge', { name: file.name });
  return null;
}

async function sendFile(file) {
  const status = $('agent-file-status');
  const problem = fileProblem(file);
  if (problem) {
    localNotice = problem;
    status.textContent = '';
    status.dataset.state = 'refused';
    return render();
  }
  localNotice = null;
  status.dataset.state = 'sending';
  status.textContent = t('sending', { name: file.name });
  try {
    const { file: sent } = await post(
      `/api/files?name=${encodeURIComponent(file.name)}`,
      file,
      'application/octet-stream',
    );
    status.dataset.state = 'sent';
    status.textContent = t('fileSent', { name: sent.name, size: size(sent.size) });
  } catch (error) {
    status.dataset.state = 'failed';
    status.textContent = '';
    localNotice = t('error', { message: error.message });
    render();
  }
}

app.addEventListener('click', (event) => {
  const button = event.target.closest('button[data-action]');
  if (!button || button.type === 'submit') return;
  void act(button.dataset.action);
});

app.addEventListener('submit', (event) => {
  event.preventDefault();
  const form = event.target;
  const body = Object.fromEntries(new FormData(form));
  if (form.dataset.action === 'send') {
    if (!String(body.body ?? '').trim()) return;
    form.reset();
    typingSentAt = 0;
  }
  void act(form.dataset.action, body);
});

$('agent-composer-body').addEventListener('input', () => {
  // At most one "typing" every 3 s: the technician's indicator, not a keystroke feed.
  if (Date.now() - typingSentAt < 3000) return;
  typingSentAt = Date.now();
  void act('typing', { typing: true });
});

$('agent-file-input').addEventListener('change', (event) => {
  const file = event.target.files?.[0];
  event.target.value = '';
  if (file) void sendFile(file);
});

async function boot() {
  const res = await fetch('/api/texts');
  ({ lang, texts: T } = await res.json());
  applyTexts();
  const events = new EventSource('/events');
  events.onmessage = (e) => {
    state = JSON.parse(e.data);
    render();
  };
  events.onerror = () => {
    app.dataset.connection = 'offline';
  };
  window.addEventListener('beforeunload', () => events.close());
}

void boot();
