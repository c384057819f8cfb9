// Desks and search for staff: the desk picker (for people in several sections), search boxes and
// highlighted results. Highlights are {start, end} ranges the API gives; text is never parsed as HTML.
import { get } from './api.js';
import { h, clear, time } from './dom.js';

/** The text with the ranges wrapped in <mark>, as DOM nodes. */
export function highlighted(text, ranges) {
  const out = [];
  let at = 0;
  for (const r of [...(ranges || [])].sort((a, b) => a.start - b.start)) {
    if (r.start < at) continue;
    if (r.start > at) out.push(text.slice(at, r.start));
    out.push(h('mark', {}, text.slice(r.start, r.end)));
    at = r.end;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}

/** The sections a role of `me` reaches: every section for a newsroom-wide role, else the named ones. */
export async function desksOf(me, role) {
  const all = await get('/api/sections');
  const named = me.sections && me.sections[role];
  return named ? all.filter((s) => named.includes(s.slug)) : all;
}

/**
 * A desk picker: "All my sections" and one entry per section, shown only to people who reach more
 * than one section. Calls onChange(slug or null).
 */
export async function deskPicker(me, role, onChange) {
  const desks = await desksOf(me, role);
  const select = h('select', { id: `desk-${role.toLowerCase()}`, onchange: (e) => onChange(e.target.value || null) },
    h('option', { value: '' }, 'All my sections'),
    desks.map((s) => h('option', { value: s.slug }, s.name + (s.archived ? ' (archived)' : ''))));
  const picker = h('p', { class: 'desk-picker' }, h('label', { for: select.id }, 'Desk '), select);
  picker.hidden = desks.length < 2;
  return picker;
}

/** A search form: fields [{name, label}], run(params) answers {items, nextCursor}; render(item) an <li>. */
export function searchBox({ id, legend, fields, run, render }) {
  const results = h('ol', { class: 'search-results', id: `${id}-results`, 'aria-live': 'polite' });
  const more = h('button', { type: 'button', class: 'more', hidden: true }, 'More results');
  const status = h('p', { class: 'hint', id: `${id}-status` });
  const inputs = fields.map((f) => h('input', { id: `${id}-${f.name}`, name: f.name, type: f.type || 'search',
    autocomplete: 'off' }));
  let cursor = null;
  let params = null;
  async function page(first) {
    const query = new URLSearchParams(params);
    if (!first && cursor) query.set('cursor', cursor);
    try {
      const found = await run(query);
      if (first) clear(results);
      found.items.forEach((item) => results.append(render(item)));
      cursor = found.nextCursor;
      more.hidden = !cursor;
      status.textContent = results.children.length ? '' : 'Nothing found.';
    } catch (e) {
      status.textContent = e.message || 'The search failed.';
    }
  }
  more.addEventListener('click', () => page(false));
  const form = h('form', { class: 'search', id, role: 'search', onsubmit: (e) => {
    e.preventDefault();
    params = {};
    fields.forEach((f, i) => { if (inputs[i].value.trim()) params[f.name] = inputs[i].value.trim(); });
    cursor = null;
    page(true);
  } },
  h('fieldset', {}, h('legend', {}, legend),
    fields.map((f, i) => h('span', { class: 'field' }, h('label', { for: inputs[i].id }, f.label), inputs[i])),
    h('button', { type: 'submit' }, 'Search')));
  return h('section', { class: 'search-panel', 'aria-label': legend }, form, status, results, more);
}

export { time };
