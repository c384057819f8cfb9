// The server's redline (GET /api/articles/{id}/revisions/{rev}/redline) laid out side by side: live
// text left, submitted right. The diff itself is computed on the server (java-diff-utils, Myers).
import { h } from './dom.js';

const OP = { SAME: 'same', REMOVED: 'del', ADDED: 'add' };

/** Pairs removed and added lines into rows of a two-column table. */
export function sideBySide(redline, { leftLabel, rightLabel }) {
  const ops = redline.lines.map((l) => ({ op: OP[l.change], text: l.text }));
  const rows = [];
  for (let k = 0; k < ops.length;) {
    if (ops[k].op === 'same') { rows.push([ops[k], ops[k]]); k++; continue; }
    const dels = [];
    const adds = [];
    while (k < ops.length && ops[k].op === 'del') dels.push(ops[k++]);
    while (k < ops.length && ops[k].op === 'add') adds.push(ops[k++]);
    for (let r = 0; r < Math.max(dels.length, adds.length); r++) rows.push([dels[r] || null, adds[r] || null]);
  }
  const cell = (entry) => {
    if (!entry) return h('td', { class: 'empty' });
    const mark = entry.op === 'del' ? '− ' : entry.op === 'add' ? '+ ' : '';
    return h('td', { class: entry.op }, entry.op === 'same' ? null : h('span', { class: 'sr-only' },
      entry.op === 'del' ? 'removed: ' : 'added: '), h('span', { 'aria-hidden': 'true', class: 'mark' }, mark), entry.text);
  };
  const changed = redline.changed;
  return h('table', { class: 'diff' },
    h('caption', {}, changed === 0 ? 'No changes' : `${changed} changed line${changed === 1 ? '' : 's'}`),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, leftLabel), h('th', { scope: 'col' }, rightLabel))),
    h('tbody', {}, rows.map(([left, right]) => h('tr', {}, cell(left), cell(right)))));
}
