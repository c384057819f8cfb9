// Administration: accounts and roles, moderation settings, webhooks.
import { get, post, put, patch, del } from './api.js';
import { h, clear, time } from './dom.js';

const ROLES = ['WRITER', 'EDITOR', 'MODERATOR', 'ADMIN'];
const EVENTS = ['article.submitted', 'article.changes_requested', 'article.approved', 'article.scheduled',
  'article.published', 'article.unpublished', 'article.rejected', 'article.review_overdue', 'comment.approved',
  'comment.rejected', 'comment.held', 'comment.reported', 'comment.queue_overdue'];

const why = (e) => (e.describe ? e.describe() : e.message);

export async function show(root, context) {
  if (context.screen === 'settings') return settings(root, context);
  if (context.screen === 'webhooks') return webhooks(root, context);
  return accounts(root, context);
}

async function accounts(root, { announce }) {
  const body = h('tbody');
  const field = (id, label, attrs = {}) => [h('label', { for: id }, label), h('input', { id, name: id.replace('new-', ''), required: true, ...attrs })];
  const form = h('form', { class: 'inline-form', id: 'new-account', onsubmit: create },
    h('h2', {}, 'New account'),
    h('div', { class: 'grid' },
      h('div', {}, field('new-username', 'Username', { pattern: '[a-z0-9][a-z0-9._\\-]{1,39}', autocomplete: 'off' })),
      h('div', {}, field('new-displayName', 'Display name')),
      h('div', {}, field('new-email', 'Email', { type: 'email' })),
      h('div', {}, field('new-password', 'Password (10+ characters)', { type: 'password', minlength: '10', autocomplete: 'new-password' }))),
    h('fieldset', {}, h('legend', {}, 'Roles'), ROLES.map((r) => h('label', { class: 'choice' },
      h('input', { type: 'checkbox', name: 'roles', value: r }), ` ${r.toLowerCase()}`))),
    h('button', { type: 'submit', class: 'primary' }, 'Create account'));
  root.append(h('h1', {}, 'Accounts'),
    h('table', {}, h('caption', {}, 'Staff accounts. Role and status changes apply at once.'),
      h('thead', {}, h('tr', {}, ['Username', 'Name', 'Email', ...ROLES.map((r) => r.toLowerCase()), 'Enabled', 'Created']
        .map((c) => h('th', { scope: 'col' }, c)))), body),
    form);

  async function load() {
    const all = await get('/api/admin/accounts');
    clear(body);
    for (const a of all) {
      const toggle = (role) => h('input', {
        type: 'checkbox', checked: a.roles.includes(role), 'aria-label': `${role.toLowerCase()} role for ${a.username}`,
        onchange: async (e) => {
          const roles = e.target.checked ? [...a.roles, role] : a.roles.filter((r) => r !== role);
          await change(a, { roles }, e.target, `${a.username} now has the roles ${roles.join(', ').toLowerCase() || 'none'}.`);
        },
      });
      body.append(h('tr', {}, h('th', { scope: 'row' }, a.username), h('td', {}, a.displayName), h('td', {}, a.email),
        ROLES.map((r) => h('td', {}, toggle(r))),
        h('td', {}, h('input', {
          type: 'checkbox', checked: a.enabled, 'aria-label': `${a.username} enabled`,
          onchange: (e) => change(a, { enabled: e.target.checked }, e.target, `${a.username} is now ${e.target.checked ? 'enabled' : 'disabled'}.`),
        })),
        h('td', {}, time(a.createdAt))));
    }
  }

  async function change(account, body, input, message) {
    try {
      Object.assign(account, await patch(`/api/admin/accounts/${encodeURIComponent(account.id)}`, body));
      announce(message, 'ok');
    } catch (e) {
      input.checked = !input.checked;
      announce(`Not changed: ${why(e)}`, 'error');
    }
  }

  async function create(event) {
    event.preventDefault();
    const data = new FormData(form);
    try {
      const created = await post('/api/admin/accounts', {
        username: data.get('username'), displayName: data.get('displayName'), email: data.get('email'),
        password: data.get('password'), roles: data.getAll('roles'),
      });
      form.reset();
      announce(`Created the account ${created.username}.`, 'ok');
      await load();
    } catch (e) {
      announce(`Not created: ${why(e)}`, 'error');
    }
  }

  await load();
  return {};
}

async function settings(root, { announce }) {
  root.append(h('h1', {}, 'Moderation settings'));
  let current;
  try {
    current = await get('/api/admin/moderation-settings');
  } catch (e) {
    root.append(h('p', { class: 'error' }, `The moderation settings are not available: ${why(e)}`));
    return {};
  }
  const lines = (list) => list.join('\n');
  const words = (id, label, value, hint) => [h('label', { for: id }, label),
    h('textarea', { id, rows: '6', 'aria-describedby': `${id}-hint` }, lines(value)), h('p', { class: 'hint', id: `${id}-hint` }, hint)];
  const number = (id, label, value, min = 0) => h('div', {}, h('label', { for: id }, label),
    h('input', { id, type: 'number', min: String(min), value: String(value), required: true }));
  const form = h('form', { id: 'settings-form', class: 'settings', onsubmit: save },
    h('div', { class: 'split' },
      h('div', {}, words('bannedWords', 'Banned words', current.bannedWords,
        'One word or phrase a line. A comment with one is rejected. Write ?word for a word that is also a name or a word of another language (?dick): it holds instead.')),
      h('div', {}, words('suspectWords', 'Suspect words', current.suspectWords, 'One a line. A comment with one waits for a moderator.'))),
    h('div', { class: 'grid' },
      number('maxLinks', 'Most links before a comment is held', current.maxLinks),
      number('trustAfterApproved', 'Approved comments before an author is trusted', current.trustAfterApproved),
      number('flagThreshold', 'Reader flags that send a comment to “reported”', current.flagThreshold, 1),
      number('commentsPerMinute', 'Comments a minute per author or address', current.commentsPerMinute, 1),
      h('div', {}, h('label', { for: 'queueSla' }, 'Queue SLA (ISO-8601 duration, e.g. PT2H)'),
        h('input', { id: 'queueSla', value: current.queueSla, required: true, pattern: 'P.*' }))),
    h('label', { class: 'choice' }, h('input', { type: 'checkbox', id: 'premoderation', checked: current.premoderation }),
      ' Premoderate every comment of the site (an article’s own setting wins)'),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Save settings')));
  root.append(form);

  // Try a comment against the lists as they stand in the form, before saving them.
  const result = h('div', { id: 'preview-result', role: 'status', 'aria-live': 'polite' });
  root.append(h('section', { class: 'settings preview', 'aria-labelledby': 'preview-title' },
    h('h2', { id: 'preview-title' }, 'Try a comment'),
    h('label', { for: 'previewBody' }, 'Comment'),
    h('textarea', { id: 'previewBody', rows: '3', maxlength: '4000', 'aria-describedby': 'previewBody-hint' }),
    h('p', { class: 'hint', id: 'previewBody-hint' },
      'Screened with the word lists above (saved or not) and the current policy. Nothing is stored.'),
    h('label', { for: 'previewEmail' }, 'Author email (optional: their ban and record count)'),
    h('input', { id: 'previewEmail', type: 'email', maxlength: '254' }),
    h('div', { class: 'actions' }, h('button', { type: 'button', id: 'preview-button', onclick: preview }, 'Try it')),
    result));

  async function preview() {
    const value = (id) => document.getElementById(id).value;
    const list = (id) => value(id).split('\n').map((w) => w.trim()).filter(Boolean);
    const body = value('previewBody');
    clear(result);
    if (!body.trim()) {
      result.append(h('p', { class: 'error' }, 'Write a comment to try.'));
      return;
    }
    try {
      const answer = await post('/api/moderation/screening/preview', {
        body, authorEmail: value('previewEmail').trim() || null,
        bannedWords: list('bannedWords'), suspectWords: list('suspectWords'),
      });
      result.append(
        h('p', {}, 'Outcome: ', h('strong', { id: 'preview-outcome' }, answer.outcome)),
        answer.reasons.length
          ? h('ul', { id: 'preview-reasons' }, answer.reasons.map((r) => h('li', {}, h('code', {}, r.code), ' ', r.detail)))
          : h('p', { class: 'muted' }, 'No rule found anything.'),
        h('p', { class: 'hint' }, 'Read as: ', h('code', { id: 'preview-normalised' }, answer.normalisedText)));
    } catch (e) {
      result.append(h('p', { class: 'error' }, `Not screened: ${why(e)}`));
    }
  }

  async function save(event) {
    event.preventDefault();
    const value = (id) => document.getElementById(id).value;
    const list = (id) => value(id).split('\n').map((w) => w.trim()).filter(Boolean);
    try {
      current = await put('/api/admin/moderation-settings', {
        ...current,
        bannedWords: list('bannedWords'), suspectWords: list('suspectWords'),
        maxLinks: Number(value('maxLinks')), trustAfterApproved: Number(value('trustAfterApproved')),
        flagThreshold: Number(value('flagThreshold')), commentsPerMinute: Number(value('commentsPerMinute')),
        queueSla: value('queueSla'), premoderation: document.getElementById('premoderation').checked,
      });
      announce('Moderation settings saved; they apply to the next comment.', 'ok');
    } catch (e) {
      announce(`Not saved: ${why(e)}`, 'error');
    }
  }
  return {};
}

async function webhooks(root, { announce }) {
  const body = h('tbody');
  const deliveries = h('section', { 'aria-live': 'polite', class: 'deliveries' });
  const form = h('form', { id: 'new-webhook', class: 'inline-form', onsubmit: register },
    h('h2', {}, 'Register a webhook'),
    h('label', { for: 'webhook-url' }, 'Receiver URL'), h('input', { id: 'webhook-url', name: 'url', type: 'url', required: true }),
    h('label', { for: 'webhook-secret' }, 'Shared secret (never shown again)'),
    h('input', { id: 'webhook-secret', name: 'secret', type: 'password', required: true, autocomplete: 'off' }),
    h('fieldset', {}, h('legend', {}, 'Events'), h('div', { class: 'events' }, EVENTS.map((e) => h('label', { class: 'choice' },
      h('input', { type: 'checkbox', name: 'events', value: e }), ` ${e}`)))),
    h('button', { type: 'submit', class: 'primary' }, 'Register'));
  root.append(h('h1', {}, 'Webhooks'),
    h('table', {}, h('caption', {}, 'Receivers of signed event deliveries'),
      h('thead', {}, h('tr', {}, ['URL', 'Events', 'Active', ''].map((c) => h('th', { scope: 'col' }, c)))), body),
    deliveries, form);

  async function load() {
    const all = await get('/api/admin/webhooks');
    clear(body);
    if (!all.length) body.append(h('tr', {}, h('td', { colspan: '4' }, 'No webhooks yet.')));
    for (const w of all) {
      body.append(h('tr', {}, h('th', { scope: 'row' }, w.url), h('td', {}, w.events.join(', ')), h('td', {}, w.active ? 'yes' : 'no'),
        h('td', {},
          h('button', { type: 'button', onclick: () => showDeliveries(w) }, 'Deliveries'), ' ',
          h('button', { type: 'button', class: 'danger', onclick: () => remove(w) }, 'Delete'))));
    }
  }

  async function showDeliveries(w) {
    const list = await get(`/api/admin/webhooks/${encodeURIComponent(w.id)}/deliveries`);
    clear(deliveries).append(h('h2', {}, `Deliveries to ${w.url}`),
      list.length ? h('table', {}, h('thead', {}, h('tr', {}, ['Event', 'Status', 'Attempts', 'Last error', 'Created', 'Delivered']
        .map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, list.map((d) => h('tr', {}, h('td', {}, d.event), h('td', {}, d.status), h('td', {}, String(d.attempts)),
        h('td', {}, d.lastError || ''), h('td', {}, time(d.createdAt)), h('td', {}, d.deliveredAt ? time(d.deliveredAt) : '')))))
        : h('p', {}, 'Nothing delivered yet.'));
  }

  async function remove(w) {
    if (!window.confirm(`Delete the webhook to ${w.url}?`)) return;
    try {
      await del(`/api/admin/webhooks/${encodeURIComponent(w.id)}`);
      announce(`Deleted the webhook to ${w.url}.`, 'ok');
      await load();
    } catch (e) {
      announce(`Not deleted: ${why(e)}`, 'error');
    }
  }

  async function register(event) {
    event.preventDefault();
    const data = new FormData(form);
    try {
      const created = await post('/api/admin/webhooks', { url: data.get('url'), secret: data.get('secret'), events: data.getAll('events') });
      form.reset();
      announce(`Registered the webhook to ${created.url}.`, 'ok');
      await load();
    } catch (e) {
      announce(`Not registered: ${why(e)}`, 'error');
    }
  }

  await load();
  return {};
}
