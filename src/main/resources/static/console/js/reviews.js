// The editors' review queue: the submitted revision beside the live one, and the decision.
import { get, post } from './api.js';
import { h, clear, time, waited } from './dom.js';
import { sideBySide } from './diff.js';
import { historyList, statusBadge } from './desk.js';
import { deskPicker, searchBox, highlighted } from './search.js';


export async function show(root, { me, announce, params }) {
  const queueBody = h('tbody');
  const detail = h('section', { class: 'review-detail', 'aria-label': 'Review' });
  let desk = null;
  const picker = await deskPicker(me, 'EDITOR', (slug) => { desk = slug; loadQueue(); });
  const search = searchBox({
    id: 'article-search', legend: 'Find an article',
    fields: [{ name: 'q', label: 'Words ' }],
    run: (query) => { if (desk) query.set('section', desk); return get(`/api/articles/search?${query}`); },
    render: (a) => h('li', {},
      h('a', { href: `#/reviews/${encodeURIComponent(a.id)}` }, highlighted(a.title, a.titleHighlights)),
      ` · ${a.section} · ${a.status.replaceAll('_', ' ').toLowerCase()}`,
      h('p', { class: 'snippet' }, highlighted(a.snippet, a.highlights))),
  });
  root.append(h('h1', {}, 'Review queue'), picker,
    h('table', { class: 'queue' },
      h('caption', {}, 'Waiting for a decision, oldest first'),
      h('thead', {}, h('tr', {}, ['Article', 'Section', 'Revision', 'Submitted', 'Due'].map((c) => h('th', { scope: 'col' }, c)))),
      queueBody),
    search,
    detail);

  async function loadQueue() {
    const reviews = await get(desk ? `/api/reviews?section=${encodeURIComponent(desk)}` : '/api/reviews');
    clear(queueBody);
    if (!reviews.length) queueBody.append(h('tr', {}, h('td', { colspan: '5' }, 'Nothing waits for review.')));
    for (const r of reviews) {
      queueBody.append(h('tr', { class: r.overdue ? 'overdue' : null },
        h('td', {}, h('a', { href: `#/reviews/${encodeURIComponent(r.articleId)}`, class: 'review-link' }, r.title),
          r.liveArticle ? h('span', { class: 'badge' }, 'change to a live article') : null),
        h('td', { class: 'section' }, r.section),
        h('td', {}, String(r.revision)),
        h('td', {}, time(r.submittedAt), ` (${waited(r.submittedAt)} ago)`),
        h('td', {}, r.overdue ? h('strong', {}, 'Overdue · ') : null, time(r.dueAt))));
    }
  }

  async function open(id) {
    clear(detail);
    const article = await get(`/api/articles/${encodeURIComponent(id)}`);
    const review = article.pendingReview;
    if (!review) {
      detail.append(h('h2', {}, article.title), statusBadge(article), h('p', {}, 'This article is not waiting for review any more.'));
      return;
    }
    const revisions = await get(`/api/articles/${encodeURIComponent(id)}/revisions`);
    const liveSummary = revisions.find((r) => r.live && r.id !== review.revisionId);
    const revisionPath = `/api/articles/${encodeURIComponent(id)}/revisions/${encodeURIComponent(review.revisionId)}`;
    const [submitted, redline] = await Promise.all([
      get(revisionPath),
      get(liveSummary ? `${revisionPath}/redline?against=${encodeURIComponent(liveSummary.id)}` : `${revisionPath}/redline`),
    ]);
    const ownArticle = article.authorId === me.id;
    const note = h('textarea', { id: 'decision-note', name: 'note', rows: '3', maxlength: '4000', 'aria-describedby': 'note-hint' });
    const publishAt = h('input', { id: 'decision-publish-at', name: 'publishAt', type: 'datetime-local', disabled: article.status === 'PUBLISHED' });
    const unpublishAt = h('input', { id: 'decision-unpublish-at', name: 'unpublishAt', type: 'datetime-local' });
    const choices = [['APPROVE', 'Approve'], ['REQUEST_CHANGES', 'Request changes'], ['REJECT', 'Reject']];
    const form = h('form', { class: 'decision', id: 'decision-form', onsubmit: decide },
      h('fieldset', {}, h('legend', {}, 'Decision'),
        choices.map(([value, label], i) => h('label', { class: 'choice' },
          h('input', { type: 'radio', name: 'decision', value, checked: i === 0, id: `decision-${value.toLowerCase()}` }), ` ${label}`))),
      h('label', { for: 'decision-note' }, 'Note to the author'), note,
      h('p', { class: 'hint', id: 'note-hint' }, 'Required when you request changes or reject.'),
      h('div', { class: 'row' },
        h('div', {}, h('label', { for: 'decision-publish-at' }, 'Publish at (optional, your local time)'), publishAt,
          h('p', { class: 'hint' }, article.status === 'PUBLISHED' ? 'A change to a live article goes live at once.' : 'Empty: publish now.')),
        h('div', {}, h('label', { for: 'decision-unpublish-at' }, 'Take down at (optional)'), unpublishAt)),
      ownArticle ? h('p', { class: 'error' }, 'You wrote this article: another editor must decide.') : null,
      !ownArticle && (submitted.changedBy || []).includes(me.id)
        ? h('p', { class: 'error', id: 'changed-text-notice' }, 'You changed this text: another editor must approve it. You may still request changes or reject.')
        : null,
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'decide', disabled: ownArticle }, 'Record decision')));

    async function decide(event) {
      event.preventDefault();
      const data = new FormData(form);
      // The version read with the revision shown: if the article changed since, the server refuses (409).
      const body = { decision: data.get('decision'), note: note.value.trim() || null, version: article.version };
      if (publishAt.value) body.publishAt = new Date(publishAt.value).toISOString();
      if (unpublishAt.value) body.unpublishAt = new Date(unpublishAt.value).toISOString();
      try {
        const decided = await post(`/api/articles/${encodeURIComponent(id)}/decision`, body);
        announce(`Decision recorded: “${decided.title}” is now ${decided.status.replaceAll('_', ' ').toLowerCase()}.`, 'ok');
        await loadQueue();
        clear(detail).append(h('h2', {}, decided.title), statusBadge(decided));
        window.history.replaceState(null, '', '#/reviews');
        const first = queueBody.querySelector('a');
        (first || document.getElementById('screen')).focus();
      } catch (e) {
        announce(`Not decided: ${e.describe ? e.describe() : e.message}`, 'error');
      }
    }

    const history = h('section', { 'aria-labelledby': 'review-history' }, h('h3', { id: 'review-history' }, 'History'),
      historyList(await get(`/api/articles/${encodeURIComponent(id)}/history`)));
    detail.append(
      h('h2', { id: 'review-title', tabindex: '-1' }, `Review: ${submitted.title}`),
      h('p', {}, statusBadge(article), ` Revision ${submitted.number}, submitted `, time(submitted.submittedAt),
        review.overdue ? h('strong', { class: 'error' }, ' · overdue') : null),
      sideBySide(redline, {
        leftLabel: liveSummary ? `Live (revision ${liveSummary.number})` : 'Live: not published yet',
        rightLabel: `Submitted (revision ${submitted.number})`,
      }),
      form, history);
    document.getElementById('review-title').focus();
  }

  await loadQueue();
  if (params[0]) {
    try {
      await open(params[0]);
    } catch (e) {
      announce(`That review could not be opened: ${e.describe ? e.describe() : e.message}`, 'error');
    }
  }
  return {
    onEvent(type) {
      if (['article.submitted', 'article.review_overdue', 'article.approved', 'article.rejected',
        'article.changes_requested', 'article.scheduled', 'article.published'].includes(type)) {
        loadQueue().then(() => { if (type === 'article.submitted') announce('A new article waits for review.'); }).catch(() => {});
      }
    },
  };
}
