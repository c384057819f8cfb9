// The moderation queue: one card per comment, oldest first, worked from the keyboard.
//   j / k  next / previous card        a  approve        r  reject (asks for the reason)
//   x      select for a bulk decision  A / R  approve / reject everything selected
//   b      ban the comment's author (asks to confirm)
// New comments arrive through the live stream; comments another moderator decided disappear.
import { get, post } from './api.js';
import { h, clear, waited, time, ask } from './dom.js';
import { deskPicker, searchBox, highlighted } from './search.js';

export const REASONS = [
  ['SPAM', 'Spam'], ['ABUSE', 'Abuse'], ['OFF_TOPIC', 'Off topic'], ['PERSONAL_INFO', 'Personal information'],
  ['OTHER', 'Other'],
];

const QUEUES = [['pending', 'Pending'], ['reported', 'Reported']];

export async function show(root, { me, announce }) {
  let queue = 'pending';
  let desk = null;
  let items = [];
  let nextCursor = null;
  let total = 0;
  let active = 0;
  let busy = false;
  const selected = new Set();

  const count = h('p', { class: 'count', id: 'queue-count' });
  const tabs = QUEUES.map(([id, label]) => h('button', {
    role: 'tab', id: `tab-${id}`, type: 'button', 'aria-controls': 'queue-panel', onclick: () => switchTo(id),
  }, label));
  const tablist = h('div', { role: 'tablist', 'aria-label': 'Queues', class: 'tabs', onkeydown: tabKeys }, tabs);
  const list = h('ol', { class: 'cards', 'aria-label': 'Comments waiting, oldest first' });
  const more = h('button', { type: 'button', class: 'more', hidden: true, onclick: () => load(true) }, 'Load more');
  const selectedCount = h('span', { id: 'selected-count' });
  const bulk = h('div', { class: 'bulkbar', role: 'group', 'aria-label': 'Bulk decision', hidden: true },
    selectedCount,
    h('button', { type: 'button', class: 'primary', onclick: () => decideSelected('APPROVE') }, 'Approve selected (A)'),
    h('button', { type: 'button', class: 'danger', onclick: () => decideSelected('REJECT') }, 'Reject selected… (R)'),
    h('button', { type: 'button', onclick: () => { selected.clear(); paint(); } }, 'Clear selection'));
  const panel = h('section', { id: 'queue-panel', role: 'tabpanel' }, count, bulk, list, more);

  const picker = await deskPicker(me, 'MODERATOR', (slug) => { desk = slug; load(false); });
  const search = searchBox({
    id: 'comment-search', legend: 'Find comments',
    fields: [{ name: 'q', label: 'Words ' }, { name: 'author', label: 'Author name ' },
      { name: 'email', label: 'Email ', type: 'email' }],
    run: (query) => get(`/api/moderation/comments/search?${query}`),
    render: (c) => h('li', {},
      h('strong', {}, highlighted(c.authorName, c.authorNameHighlights)), ` <${c.authorEmail}> · `,
      `${c.status.toLowerCase()} · ${c.section} · ${c.articleSlug} · `, time(c.createdAt),
      h('p', { class: 'snippet' }, highlighted(c.snippet, c.highlights))),
  });
  root.append(
    h('h1', {}, 'Moderation queue'),
    picker,
    tablist,
    h('p', { class: 'hint', id: 'queue-keys' },
      'Keys: ', h('kbd', {}, 'j'), '/', h('kbd', {}, 'k'), ' move · ', h('kbd', {}, 'a'), ' approve · ',
      h('kbd', {}, 'r'), ' reject · ', h('kbd', {}, 'x'), ' select · ', h('kbd', {}, 'A'), '/', h('kbd', {}, 'R'),
      ' approve/reject selected · ', h('kbd', {}, 'b'), ' ban author'),
    panel,
    search);

  function tabKeys(event) {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const index = QUEUES.findIndex(([id]) => id === queue);
    const next = QUEUES[(index + (event.key === 'ArrowRight' ? 1 : QUEUES.length - 1)) % QUEUES.length][0];
    switchTo(next).then(() => document.getElementById(`tab-${next}`).focus());
    event.preventDefault();
  }

  async function switchTo(id) {
    queue = id;
    items = [];
    selected.clear();
    active = 0;
    await load(false);
  }

  async function load(append) {
    const params = new URLSearchParams({ queue, limit: '50' });
    if (desk) params.set('section', desk);
    if (append && nextCursor) params.set('cursor', nextCursor);
    const page = await get(`/api/moderation/queue?${params}`);
    const known = new Set(items.map((i) => i.commentId));
    const fresh = page.items.filter((i) => !known.has(i.commentId));
    items = append ? items.concat(fresh) : page.items;
    nextCursor = page.nextCursor;
    total = page.total;
    paint();
    return fresh;
  }

  function card(item, index) {
    const id = item.commentId;
    const checkbox = h('input', {
      type: 'checkbox', id: `select-${id}`, checked: selected.has(id),
      onchange: (e) => { if (e.target.checked) selected.add(id); else selected.delete(id); paint(); },
    });
    const reasons = item.reasons && item.reasons.length
      ? h('ul', { class: 'reasons', 'aria-label': 'Screening reasons' }, item.reasons.map((r) => h('li', {},
        h('span', { class: `badge reason-${r.code.toLowerCase()}` }, r.code.replaceAll('_', ' ').toLowerCase()),
        r.detail ? ` ${r.detail}` : '')))
      : h('p', { class: 'muted' }, 'No screening reasons.');
    const a = item.author || { approved: 0, rejected: 0, pending: 0 };
    return h('li', {},
      h('article', {
        class: `card${index === active ? ' active' : ''}${selected.has(id) ? ' selected' : ''}`,
        tabindex: '-1', 'data-id': id, 'aria-labelledby': `by-${id}`,
        'aria-describedby': `body-${id}`, onclick: () => { active = index; mark(); },
      },
      h('header', {},
        h('label', { class: 'select', for: `select-${id}` }, checkbox, h('span', { class: 'sr-only' }, 'Select comment by '),
          h('span', { id: `by-${id}`, class: 'author' }, item.authorName)),
        h('span', { class: 'email' }, item.authorEmail),
        h('span', { class: `waiting${item.overdue ? ' overdue' : ''}` },
          item.overdue ? 'Overdue · ' : '', 'waiting ', waited(item.queuedAt || item.createdAt))),
      h('p', { class: 'article' }, 'On ', h('cite', {}, item.articleTitle || item.articleSlug), ' · ',
        h('span', { class: 'section' }, item.section), ' · ', time(item.createdAt)),
      item.parent ? h('blockquote', { class: 'parent' },
        h('p', { class: 'muted' }, `In reply to ${item.parent.authorName}:`), h('p', {}, item.parent.body)) : null,
      h('p', { class: 'comment-body', id: `body-${id}` }, item.body),
      h('div', { class: 'facts' },
        reasons,
        h('p', {}, h('strong', {}, 'Flags: '), String(item.flags || 0)),
        h('p', {}, h('strong', {}, 'Author history: '),
          `${a.approved} approved · ${a.rejected} rejected · ${a.pending} pending`)),
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'primary', onclick: () => { active = index; decide([item], 'APPROVE'); } }, 'Approve (a)'),
        h('button', { type: 'button', class: 'danger', onclick: () => { active = index; reject([item]); } }, 'Reject… (r)'),
        h('button', { type: 'button', onclick: () => { active = index; ban(item); } }, 'Ban author… (b)'))));
  }

  function paint() {
    for (const [id] of QUEUES) {
      const tab = document.getElementById(`tab-${id}`);
      tab.setAttribute('aria-selected', String(id === queue));
      tab.tabIndex = id === queue ? 0 : -1;
    }
    panel.setAttribute('aria-labelledby', `tab-${queue}`);
    count.textContent = total === 0 && items.length === 0 ? 'The queue is empty. Nothing waits for you.'
      : `${total} waiting, oldest first.`;
    for (const id of [...selected]) if (!items.some((i) => i.commentId === id)) selected.delete(id);
    bulk.hidden = selected.size === 0;
    selectedCount.textContent = `${selected.size} selected`;
    more.hidden = !nextCursor;
    active = Math.max(0, Math.min(active, items.length - 1));
    clear(list).append(...items.map(card));
  }

  function mark(focus = true) {
    list.querySelectorAll('.card').forEach((el, i) => el.classList.toggle('active', i === active));
    const el = list.querySelectorAll('.card')[active];
    if (el && focus) {
      el.focus();
      el.scrollIntoView({ block: 'nearest' });
    }
  }

  function focusCard() {
    paint();
    if (items.length) mark();
    else count.focus();
  }
  count.tabIndex = -1;

  function remove(ids) {
    const gone = new Set(ids);
    const before = items.length;
    items = items.filter((i) => !gone.has(i.commentId));
    total = Math.max(0, total - (before - items.length));
  }

  async function decide(targets, decision, reason) {
    if (busy || !targets.length) return;
    busy = true;
    try {
      let failed = [];
      if (targets.length === 1) {
        try {
          await post(`/api/moderation/comments/${encodeURIComponent(targets[0].commentId)}/decision`, { decision, reason });
        } catch (e) {
          if (e.status !== 409 && e.status !== 404) throw e;
          failed = [targets[0].commentId];
        }
      } else {
        const result = await post('/api/moderation/decisions',
          { commentIds: targets.map((t) => t.commentId), decision, reason });
        failed = result.results.filter((r) => r.outcome !== 'DECIDED').map((r) => r.commentId);
      }
      remove(targets.map((t) => t.commentId));
      targets.forEach((t) => selected.delete(t.commentId));
      const verb = decision === 'APPROVE' ? 'Approved' : 'Rejected';
      const done = targets.length - failed.length;
      const who = targets.length === 1 ? ` the comment by ${targets[0].authorName}` : ` ${done} comment${done === 1 ? '' : 's'}`;
      announce(failed.length
        ? `${verb}${who}; ${failed.length} had already been decided by someone else.`
        : `${verb}${who}.`, failed.length ? 'warn' : 'ok');
      focusCard();
      if (!items.length && nextCursor) await load(true);
    } catch (e) {
      announce(`Could not decide: ${e.describe ? e.describe() : e.message}`, 'error');
    } finally {
      busy = false;
    }
  }

  async function reject(targets) {
    if (!targets.length) return;
    const options = REASONS.map(([code, label], i) => h('label', { class: 'choice' },
      h('input', { type: 'radio', name: 'reason', value: code, checked: i === 0 }), ` ${i + 1}. ${label}`));
    const data = await ask(targets.length === 1 ? `Reject the comment by ${targets[0].authorName}` : `Reject ${targets.length} comments`,
      h('fieldset', { class: 'reasons-picker' }, h('legend', {}, 'Reason (keys 1–5)'), options),
      'Reject', { danger: true, digits: true });
    if (data) await decide(targets, 'REJECT', data.get('reason'));
  }

  async function ban(item) {
    if (!item) return;
    const data = await ask(`Ban ${item.authorName}?`, [
      h('p', {}, `Their new comments will be rejected. Address: ${item.authorEmail}`),
      h('label', { for: 'ban-reason' }, 'Reason (required)'),
      h('input', { id: 'ban-reason', name: 'reason', required: true, maxlength: '500', autocomplete: 'off' }),
      h('label', { class: 'choice' }, h('input', { type: 'checkbox', name: 'rejectPending', checked: true }),
        ' Also reject their comments waiting in the queue'),
    ], 'Ban author', { danger: true });
    if (!data) return;
    try {
      const result = await post('/api/moderation/bans', {
        authorEmail: item.authorEmail, reason: data.get('reason'), rejectPending: data.has('rejectPending'),
      });
      const rejected = (result && result.rejectedCommentIds) || [];
      remove(rejected);
      announce(`Banned ${item.authorName}${rejected.length ? `; rejected ${rejected.length} waiting comment${rejected.length === 1 ? '' : 's'}` : ''}.`, 'ok');
      focusCard();
    } catch (e) {
      announce(`Could not ban: ${e.describe ? e.describe() : e.message}`, 'error');
    }
  }

  function decideSelected(decision) {
    const targets = items.filter((i) => selected.has(i.commentId));
    if (!targets.length) {
      announce('Select comments with x first.', 'warn');
      return;
    }
    if (decision === 'APPROVE') decide(targets, 'APPROVE');
    else reject(targets);
  }

  function onKey(event) {
    if (event.ctrlKey || event.metaKey || event.altKey || document.querySelector('dialog[open]')) return;
    if (event.target.closest && event.target.closest('input:not([type=checkbox]), textarea, select, [contenteditable]')) return;
    const item = items[active];
    const actions = {
      j: () => { if (active < items.length - 1) active++; mark(); },
      k: () => { if (active > 0) active--; mark(); },
      a: () => item && decide([item], 'APPROVE'),
      r: () => item && reject([item]),
      x: () => {
        if (!item) return;
        if (selected.has(item.commentId)) selected.delete(item.commentId); else selected.add(item.commentId);
        paint();
        mark();
        announce(`${selected.size} selected.`);
      },
      A: () => decideSelected('APPROVE'),
      R: () => decideSelected('REJECT'),
      b: () => ban(item),
    };
    const action = actions[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  }

  let refreshing = null;
  function onEvent(type, data) {
    if ((type === 'comment.approved' || type === 'comment.rejected') && data.commentId) {
      if (items.some((i) => i.commentId === data.commentId)) {
        const hadFocus = list.contains(document.activeElement);
        remove([data.commentId]);
        paint();
        if (hadFocus && items.length) mark();
      }
      return;
    }
    const arrives = (type === 'comment.held' && queue === 'pending') || (type === 'comment.reported' && queue === 'reported');
    if (!arrives || refreshing) return;
    refreshing = (async () => {
      try {
        const hadFocus = list.contains(document.activeElement);
        const params = new URLSearchParams({ queue, limit: '200' });
        if (desk) params.set('section', desk);
        const page = await get(`/api/moderation/queue?${params}`);
        const known = new Set(items.map((i) => i.commentId));
        const fresh = page.items.filter((i) => !known.has(i.commentId));
        if (fresh.length) {
          const activeId = items[active] && items[active].commentId;
          items = items.concat(fresh).sort((x, y) => Date.parse(x.queuedAt || x.createdAt) - Date.parse(y.queuedAt || y.createdAt));
          if (activeId) active = items.findIndex((i) => i.commentId === activeId);
          total = page.total;
          paint();
          mark(hadFocus);
          announce(`${fresh.length} new comment${fresh.length === 1 ? '' : 's'} in the queue.`);
        }
      } catch (e) {
        announce(`The queue could not refresh: ${e.message}`, 'warn');
      } finally {
        refreshing = null;
      }
    })();
  }

  await load(false);
  if (items.length) mark();
  return { onKey, onEvent };
}
