// The console shell: who is signed in, the screens their roles allow, the live stream, status messages.
import { get, cookie } from './api.js';
import { h, clear } from './dom.js';

const SCREENS = [
  { id: 'moderation', label: 'Moderation queue', roles: ['MODERATOR'], load: () => import('./moderation.js') },
  { id: 'desk', label: 'My articles', roles: ['WRITER', 'EDITOR'], load: () => import('./desk.js') },
  { id: 'reviews', label: 'Review queue', roles: ['EDITOR'], load: () => import('./reviews.js') },
  { id: 'accounts', label: 'Accounts', roles: ['ADMIN'], load: () => import('./admin.js') },
  { id: 'settings', label: 'Moderation settings', roles: ['ADMIN'], load: () => import('./admin.js') },
  { id: 'webhooks', label: 'Webhooks', roles: ['ADMIN'], load: () => import('./admin.js') },
];

const screenEl = document.getElementById('screen');
const statusEl = document.getElementById('status');
let me = null;
let current = null;
let allowed = [];

/** Announces a message to screen readers and shows it in the status bar. */
export function announce(message, kind = 'info') {
  statusEl.textContent = '';
  statusEl.className = `status ${kind}`;
  // A fresh text node, so the same message twice is announced twice.
  window.requestAnimationFrame(() => { statusEl.textContent = message; });
}

function route() {
  const [, id = '', ...rest] = window.location.hash.split('/');
  const screen = allowed.find((s) => s.id === id) || allowed[0];
  return { screen, params: rest.map(decodeURIComponent) };
}

async function show() {
  const { screen, params } = route();
  if (current && current.dispose) current.dispose();
  current = null;
  for (const link of document.querySelectorAll('#nav a')) {
    if (link.dataset.screen === (screen && screen.id)) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  clear(screenEl);
  if (!screen) {
    screenEl.append(h('h1', {}, 'Nothing here for your roles'),
      h('p', {}, 'Your account has no role with a console screen. Ask an administrator.'));
    screenEl.removeAttribute('aria-busy');
    return;
  }
  document.title = `${screen.label} · Copydesk console`;
  screenEl.setAttribute('aria-busy', 'true');
  try {
    const module = await screen.load();
    current = await module.show(screenEl, { me, announce, screen: screen.id, params }) || {};
  } catch (e) {
    screenEl.append(h('p', { class: 'error' }, `This screen could not load: ${e.describe ? e.describe() : e.message}`));
  } finally {
    screenEl.removeAttribute('aria-busy');
  }
}

function listen() {
  const source = new EventSource('/api/events');
  const forward = (event) => {
    let envelope = null;
    try { envelope = JSON.parse(event.data); } catch { return; }
    if (current && current.onEvent) current.onEvent(event.type, envelope.data || {}, envelope);
  };
  const types = ['article.submitted', 'article.changes_requested', 'article.approved', 'article.scheduled',
    'article.published', 'article.unpublished', 'article.rejected', 'article.review_overdue', 'comment.approved',
    'comment.rejected', 'comment.held', 'comment.reported', 'comment.queue_overdue'];
  for (const type of types) source.addEventListener(type, forward);
  window.addEventListener('pagehide', () => source.close());
}

document.addEventListener('keydown', (event) => {
  if (current && current.onKey && !event.defaultPrevented) current.onKey(event);
});

async function start() {
  document.getElementById('logout-csrf').value = cookie('XSRF-TOKEN') || '';
  me = await get('/api/me');
  document.getElementById('who').textContent = `${me.displayName} (${me.roles.join(', ').toLowerCase()})`;
  allowed = SCREENS.filter((s) => s.roles.some((r) => me.roles.includes(r)));
  const nav = document.getElementById('nav');
  for (const screen of allowed) {
    nav.append(h('li', {}, h('a', { href: `#/${screen.id}`, 'data-screen': screen.id }, screen.label)));
  }
  window.addEventListener('hashchange', show);
  listen();
  await show();
}

start().catch((e) => {
  clear(screenEl).append(h('p', { class: 'error' }, `The console could not start: ${e.message}`));
});
