// A line diff (longest common subsequence) laid out side by side: live text left, submitted right.
import { h } from './dom.js';

/** [{op: 'same'|'del'|'add', text}] turning `before` into `after`. */
export function diffLines(before, after) {
  const a = before.split('\n');
  const b = after.split('\n');
  const n = a.length;
  const m = b.length;
  const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const ops = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) { ops.push({ op: 'same', text: a[i] }); i++; j++; }
    else if (lcs[i + 1][j] >= lcs[i][j + 1]) ops.push({ op: 'del', text: a[i++] });
    else ops.push({ op: 'add', text: b[j++] });
  }
  while (i < n) ops.push({ op: 'del', text: a[i++] });
  while (j < m) ops.push({ op: 'add', text: b[j++] });
  return ops;
}

/** Pairs removed and added lines into rows of a two-column table. */
export function sideBySide(before, after, { leftLabel, rightLabel }) {
  const ops = diffLines(before, after);
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
  const changed = ops.filter((o) => o.op !== 'same').length;
  return h('table', { class: 'diff' },
    h('caption', {}, changed === 0 ? 'No changes' : `${changed} changed line${changed === 1 ? '' : 's'}`),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, leftLabel), h('th', { scope: 'col' }, rightLabel))),
    h('tbody', {}, rows.map(([left, right]) => h('tr', {}, cell(left), cell(right)))));
}
