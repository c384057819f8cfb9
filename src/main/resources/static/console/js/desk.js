// The editorial desk: my articles with their status, and an editor with a live proof: the body as
// the public page will show it, rendered by the server's own CommonMark pipeline (POST /api/articles/proofs).
// Submit and withdraw are the author's; the server answers 403 or 409 when a move is not allowed.
import { get, post, put } from './api.js';
import { h, clear, time } from './dom.js';

export const STATUS_LABELS = {
  DRAFT: 'Draft', IN_REVIEW: 'In review', CHANGES_REQUESTED: 'Changes requested', SCHEDULED: 'Scheduled',
  PUBLISHED: 'Published', REJECTED: 'Rejected', UNPUBLISHED: 'Unpublished',
};

export function statusBadge(article) {
  const label = STATUS_LABELS[article.status] || article.status;
  const pending = article.pendingRevision ? ` · revision ${(STATUS_LABELS[article.pendingRevision] || article.pendingRevision).toLowerCase()}` : '';
  return h('span', { class: `badge status-${article.status.toLowerCase()}` }, label + pending);
}

export function historyList(entries) {
  if (!entries.length) return h('p', { class: 'muted' }, 'No history yet.');
  return h('ol', { class: 'history' }, entries.map((e) => h('li', {},
    time(e.at), ' · ', h('strong', {}, e.actorName || e.actor), ' · ', e.action.replaceAll('_', ' ').toLowerCase(),
    e.fromStatus || e.toStatus ? ` (${STATUS_LABELS[e.fromStatus] || '—'} → ${STATUS_LABELS[e.toStatus] || '—'})` : '',
    e.note ? h('p', { class: 'note' }, e.note) : null)));
}

const tagsOf = (text) => text.split(',').map((t) => t.trim()).filter(Boolean);

export async function show(root, { me, announce, params }) {
  const listBody = h('tbody');
  const editorPane = h('section', { class: 'editor-pane', 'aria-label': 'Article' });
  root.append(
    h('h1', {}, 'My articles'),
    h('div', { class: 'desk' },
      h('section', { class: 'article-list', 'aria-labelledby': 'list-title' },
        h('div', { class: 'row' }, h('h2', { id: 'list-title' }, 'Articles'),
          h('a', { class: 'button primary', href: '#/desk/new', id: 'new-article' }, 'New article')),
        h('table', {}, h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Title'), h('th', { scope: 'col' }, 'Status'),
          h('th', { scope: 'col' }, 'Changed'))), listBody)),
      editorPane));

  let article = null;
  let dirty = false;

  async function loadList() {
    const page = await get('/api/articles?mine=true&size=100');
    clear(listBody);
    if (!page.items.length) {
      listBody.append(h('tr', {}, h('td', { colspan: '3' }, 'No articles yet. Start one with “New article”.')));
    }
    for (const a of page.items) {
      listBody.append(h('tr', { class: article && article.id === a.id ? 'current' : null },
        h('td', {}, h('a', { href: `#/desk/${encodeURIComponent(a.id)}`, 'aria-current': article && article.id === a.id ? 'true' : null }, a.title)),
        h('td', {}, statusBadge(a)), h('td', {}, time(a.updatedAt))));
    }
  }

  function editor() {
    clear(editorPane);
    const isNew = !article;
    const mine = isNew || article.authorId === me.id;
    const status = article ? article.status : 'DRAFT';
    const revision = article && article.pendingRevision;
    const editable = isNew || (['DRAFT', 'CHANGES_REQUESTED', 'PUBLISHED'].includes(status) && revision !== 'IN_REVIEW');
    const submittable = mine && !isNew && (['DRAFT', 'CHANGES_REQUESTED'].includes(status)
      || (status === 'PUBLISHED' && ['DRAFT', 'CHANGES_REQUESTED'].includes(revision)));
    const withdrawable = mine && !isNew && (status === 'IN_REVIEW' || revision === 'IN_REVIEW');

    const title = h('input', { id: 'article-title', name: 'title', required: true, maxlength: '200', value: article ? article.title : '', readonly: !editable });
    const summary = h('textarea', { id: 'article-summary', name: 'summary', rows: '2', maxlength: '1000', readonly: !editable });
    summary.value = article ? article.summary : '';
    const body = h('textarea', { id: 'article-body', name: 'body', rows: '18', readonly: !editable, 'aria-describedby': 'body-hint' });
    body.value = article ? article.body : '';
    const tags = h('input', { id: 'article-tags', name: 'tags', value: article ? article.tags.join(', ') : '', readonly: !editable, 'aria-describedby': 'tags-hint' });
    const preview = h('div', { class: 'preview', id: 'article-preview' });
    // The proof is the server's: the same renderer and allow-list cleaner as the public page, so what
    // the writer sees is what readers will get. Requests are spaced out while the writer types, and an
    // answer that arrives after a newer one is dropped.
    let proofTimer = null;
    let proofRequest = 0;
    const refresh = () => {
      clearTimeout(proofTimer);
      proofTimer = setTimeout(async () => {
        const mine = ++proofRequest;
        try {
          const { html } = await post('/api/articles/proofs', { body: body.value });
          if (mine !== proofRequest) return;
          const rendered = document.createElement('template');
          rendered.innerHTML = html; // cleaned by the server's allow-list, as on the public page
          clear(preview).append(rendered.content);
        } catch (e) {
          if (mine === proofRequest) clear(preview).append(h('p', { class: 'hint' }, 'Preview unavailable: ' + e.message));
        }
      }, 250);
    };
    refresh();
    const form = h('form', { class: 'editor', id: 'article-form', novalidate: true, onsubmit: (e) => { e.preventDefault(); save(); } },
      h('div', { class: 'row' },
        h('h2', {}, isNew ? 'New article' : article.title),
        article ? statusBadge(article) : null),
      article && article.lastReviewNote && ['CHANGES_REQUESTED', 'REJECTED'].includes(article.status === 'PUBLISHED' ? revision : status)
        ? h('p', { class: 'review-note', role: 'note' }, h('strong', {}, 'Editor’s note: '), article.lastReviewNote) : null,
      article && article.publishAt && status === 'SCHEDULED' ? h('p', {}, 'Goes live ', time(article.publishAt)) : null,
      h('label', { for: 'article-title' }, 'Title'), title,
      h('label', { for: 'article-summary' }, 'Summary'), summary,
      h('label', { for: 'article-tags' }, 'Tags'), tags,
      h('p', { class: 'hint', id: 'tags-hint' }, 'Separate tags with commas, at most 10.'),
      h('div', { class: 'split' },
        h('div', {}, h('label', { for: 'article-body' }, 'Body (Markdown)'), body,
          h('p', { class: 'hint', id: 'body-hint' }, '# heading, *emphasis*, **strong**, [link](https://…), - lists, > quotes')),
        h('div', {}, h('h3', { id: 'preview-title' }, 'Preview'), preview)),
      h('div', { class: 'actions' },
        editable ? h('button', { type: 'submit', class: 'primary', id: 'save-article' }, isNew ? 'Create draft' : 'Save') : null,
        submittable ? h('button', { type: 'button', id: 'submit-article', onclick: submit }, 'Submit for review') : null,
        withdrawable ? h('button', { type: 'button', id: 'withdraw-article', onclick: withdraw }, 'Withdraw from review') : null));
    preview.setAttribute('aria-labelledby', 'preview-title');
    for (const input of [title, summary, body, tags]) input.addEventListener('input', () => { dirty = true; });
    body.addEventListener('input', refresh);
    editorPane.append(form);
    if (article) {
      const history = h('section', { class: 'history-pane', 'aria-labelledby': 'history-title' },
        h('h3', { id: 'history-title' }, 'History'), h('p', {}, 'Loading…'));
      editorPane.append(history);
      get(`/api/articles/${encodeURIComponent(article.id)}/history`).then((entries) => {
        history.lastChild.replaceWith(historyList(entries));
      }).catch(() => { history.lastChild.textContent = 'History could not be loaded.'; });
    }

    async function save() {
      const draft = { title: title.value, summary: summary.value, body: body.value, tags: tagsOf(tags.value) };
      try {
        if (isNew) {
          article = await post('/api/articles', draft);
          announce(`Created the draft “${article.title}”.`, 'ok');
          dirty = false;
          window.location.hash = `#/desk/${encodeURIComponent(article.id)}`;
          return article;
        }
        article = await put(`/api/articles/${encodeURIComponent(article.id)}`, { ...draft, version: article.version });
        dirty = false;
        announce(`Saved “${article.title}”.`, 'ok');
        editor();
        await loadList();
        return article;
      } catch (e) {
        announce(e.status === 409 ? 'Someone changed this article meanwhile; reload it before saving again.'
          : `Not saved: ${e.describe ? e.describe() : e.message}`, 'error');
        return null;
      }
    }

    async function submit() {
      if (dirty && !(await save())) return;
      await move('submit', 'Submitted for review');
    }

    async function withdraw() {
      await move('withdraw', 'Withdrawn from review');
    }
  }

  async function move(action, done) {
    try {
      article = await post(`/api/articles/${encodeURIComponent(article.id)}/${action}`);
      dirty = false;
      announce(`${done}: “${article.title}” is now ${STATUS_LABELS[article.status].toLowerCase()}.`, 'ok');
      editor();
      await loadList();
      document.getElementById('article-title').focus();
    } catch (e) {
      announce(`Could not ${action}: ${e.describe ? e.describe() : e.message}`, 'error');
    }
  }

  const [id] = params;
  if (id && id !== 'new') {
    try {
      article = await get(`/api/articles/${encodeURIComponent(id)}`);
    } catch (e) {
      announce(`That article could not be opened: ${e.describe ? e.describe() : e.message}`, 'error');
    }
  }
  await loadList();
  if (id) {
    editor();
    if (id === 'new') document.getElementById('article-title').focus();
  } else {
    editorPane.append(h('p', { class: 'muted' }, 'Open an article from the list, or start a new one.'));
  }

  return {
    onEvent(type, data) {
      if (!type.startsWith('article.')) return;
      loadList().catch(() => {});
      if (article && data.articleId === article.id && !dirty) {
        get(`/api/articles/${encodeURIComponent(article.id)}`).then((fresh) => {
          // Our own moves come back through the stream too: only someone else's change is news.
          if (fresh.version === article.version) return;
          const moved = fresh.status !== article.status || fresh.pendingRevision !== article.pendingRevision;
          article = fresh;
          editor();
          if (moved) announce(`“${fresh.title}” is now ${STATUS_LABELS[fresh.status].toLowerCase()}.`);
        }).catch(() => {});
      }
    },
  };
}
