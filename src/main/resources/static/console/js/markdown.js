// A small Markdown preview that builds DOM nodes from text: headings, paragraphs, lists, quotes,
// code, emphasis and links (http, https and mailto only). Raw HTML in the source stays visible
// text. The published page uses the server's CommonMark rendering; this is only the writer's preview.
import { h } from './dom.js';

const INLINE = /(`[^`]+`)|(\*\*[^*]+\*\*|__[^_]+__)|(\*[^*\s][^*]*\*|_[^_\s][^_]*_)|(\[[^\]]+\]\([^)\s]+\))/;

function inline(text) {
  const nodes = [];
  let rest = text;
  while (rest) {
    const match = INLINE.exec(rest);
    if (!match) {
      nodes.push(rest);
      break;
    }
    if (match.index > 0) nodes.push(rest.slice(0, match.index));
    const [token, code, strong, em, link] = match;
    if (code) nodes.push(h('code', {}, code.slice(1, -1)));
    else if (strong) nodes.push(h('strong', {}, inline(strong.slice(2, -2))));
    else if (em) nodes.push(h('em', {}, inline(em.slice(1, -1))));
    else if (link) {
      const [, label, href] = /^\[([^\]]+)\]\(([^)\s]+)\)$/.exec(link);
      nodes.push(/^(https?:|mailto:)/i.test(href)
        ? h('a', { href, rel: 'nofollow noopener noreferrer', target: '_blank' }, inline(label))
        : token);
    }
    rest = rest.slice(match.index + token.length);
  }
  return nodes;
}

/** Renders Markdown into a DocumentFragment of safe nodes. */
export function render(markdown) {
  const out = document.createDocumentFragment();
  const lines = (markdown || '').replace(/\r\n?/g, '\n').split('\n');
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (!line.trim()) { i++; continue; }
    if (/^```/.test(line)) {
      const code = [];
      i++;
      while (i < lines.length && !/^```/.test(lines[i])) code.push(lines[i++]);
      i++;
      out.append(h('pre', {}, h('code', {}, code.join('\n'))));
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      out.append(h(`h${heading[1].length}`, {}, inline(heading[2])));
      i++;
      continue;
    }
    if (/^>\s?/.test(line)) {
      const quoted = [];
      while (i < lines.length && /^>\s?/.test(lines[i])) quoted.push(lines[i++].replace(/^>\s?/, ''));
      out.append(h('blockquote', {}, render(quoted.join('\n'))));
      continue;
    }
    const bullet = /^\s*([-*+]|\d+[.)])\s+/;
    if (bullet.test(line)) {
      const ordered = /^\s*\d/.test(line);
      const list = h(ordered ? 'ol' : 'ul');
      while (i < lines.length && bullet.test(lines[i])) list.append(h('li', {}, inline(lines[i++].replace(bullet, ''))));
      out.append(list);
      continue;
    }
    const paragraph = [];
    while (i < lines.length && lines[i].trim() && !/^(#{1,6}\s|```|>|\s*([-*+]|\d+[.)])\s)/.test(lines[i])) {
      paragraph.push(lines[i++].trim());
    }
    out.append(h('p', {}, inline(paragraph.join(' '))));
  }
  return out;
}
