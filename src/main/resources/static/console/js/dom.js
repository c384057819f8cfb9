// Builds DOM nodes. Text always goes in as text nodes: nothing from the API is ever parsed as HTML.

/** h('p', {class: 'note'}, 'text', otherNode) — attributes starting with "on" are listeners. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2).toLowerCase(), value);
    } else if (name === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (value === true) {
      el.setAttribute(name, '');
    } else {
      el.setAttribute(name, String(value));
    }
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export function clear(el) {
  while (el.firstChild) el.firstChild.remove();
  return el;
}

const units = [['d', 86400], ['h', 3600], ['min', 60]];

/** "3 h 12 min" since an ISO instant. */
export function waited(since, now = Date.now()) {
  let seconds = Math.max(0, Math.round((now - Date.parse(since)) / 1000));
  if (seconds < 60) return 'less than a minute';
  const parts = [];
  for (const [unit, size] of units) {
    if (seconds >= size && parts.length < 2) {
      parts.push(`${Math.floor(seconds / size)} ${unit}`);
      seconds %= size;
    }
  }
  return parts.join(' ');
}

export function when(instant) {
  if (!instant) return '';
  return new Date(instant).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function time(instant) {
  return h('time', { datetime: instant }, when(instant));
}

/** A native modal dialog; resolves with the submitted form's data, or null when cancelled. */
export function ask(title, body, confirmLabel, { danger = false, digits = false } = {}) {
  return new Promise((resolve) => {
    const ok = h('button', { type: 'submit', value: 'ok', class: danger ? 'danger' : 'primary' }, confirmLabel);
    const form = h('form', { method: 'dialog' },
      h('h2', { id: 'dialog-title' }, title),
      body,
      h('div', { class: 'actions' }, ok,
        h('button', { type: 'submit', value: 'cancel', formnovalidate: true }, 'Cancel')));
    const dialog = h('dialog', { 'aria-labelledby': 'dialog-title' }, form);
    dialog.addEventListener('keydown', (event) => {
      const radios = [...form.querySelectorAll('input[type=radio]')];
      if (digits && /^[1-9]$/.test(event.key) && radios[Number(event.key) - 1]) {
        radios[Number(event.key) - 1].checked = true;
        radios[Number(event.key) - 1].focus();
        event.preventDefault();
      } else if (event.key === 'Enter' && !event.target.closest('textarea, button')) {
        // Enter confirms from a radio or a checkbox too, not only from a text field.
        event.preventDefault();
        form.requestSubmit(ok);
      }
    });
    const opener = document.activeElement;
    dialog.addEventListener('close', () => {
      const data = dialog.returnValue === 'ok' ? new FormData(form) : null;
      dialog.remove();
      if (opener && opener.isConnected) opener.focus();
      resolve(data);
    });
    document.body.append(dialog);
    dialog.showModal();
    const first = form.querySelector('input:checked, input:not([type=hidden]), textarea, select');
    if (first) first.focus();
  });
}
