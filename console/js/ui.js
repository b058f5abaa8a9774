// Small DOM helpers shared by every page: building elements without innerHTML (no markup injection),
// problem messages, confirmations, copy buttons and date formatting.

/** el('button', { type: 'button', onclick }, 'Save'): attributes, `on*` listeners, then children. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') node.addEventListener(k.slice(2), v);
    else if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = v;
    else if (k in node && typeof v !== 'string') node[k] = v;
    else node.setAttribute(k, v === true ? '' : v);
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    node.append(c instanceof Node ? c : String(c));
  }
}

/** Replaces a node's content. */
export function fill(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

export const $ = (sel, root = document) => root.querySelector(sel);

/**
 * A problem as three parts a person can act on: what failed (the action), why (the server's detail)
 * and how to fix it (its hint). Rendered as an alert so screen readers announce it.
 */
export function problemBox(err, what) {
  const why = err && err.why ? err.why : String(err && err.message ? err.message : err);
  const fix = err && err.fix ? err.fix : 'Try again; if it persists, tell your administrator.';
  return el('div', { class: 'problem', role: 'alert' },
    el('p', { class: 'problem-what' }, el('strong', {}, what)),
    el('p', {}, el('span', { class: 'label' }, 'Why: '), why),
    el('p', {}, el('span', { class: 'label' }, 'How to fix: '), fix),
    err && err.requestId ? el('p', { class: 'muted small' }, `Request id: ${err.requestId}`) : null,
  );
}

/** Shows a problem in `container` (cleared first). */
export function showProblem(container, err, what) {
  fill(container, problemBox(err, what));
}

/** A calm confirmation/success message. */
export function note(text, kind = 'ok') {
  return el('p', { class: `note note-${kind}`, role: 'status' }, text);
}

/**
 * Asks for confirmation in a modal <dialog> (focus is trapped and Escape cancels, natively).
 * Resolves true only when the person chooses the confirming button.
 */
export function confirmAction(question, confirmLabel, detail) {
  return new Promise((resolve) => {
    const dialog = el('dialog', { class: 'confirm', 'aria-labelledby': 'confirm-title' });
    const done = (answer) => {
      dialog.close();
      dialog.remove();
      resolve(answer);
    };
    dialog.append(
      el('h2', { id: 'confirm-title' }, question),
      detail ? el('p', {}, detail) : '',
      el('div', { class: 'actions' },
        el('button', { type: 'button', class: 'secondary', onclick: () => done(false) }, 'Cancel'),
        el('button', { type: 'button', class: 'danger', onclick: () => done(true) }, confirmLabel),
      ),
    );
    dialog.addEventListener('cancel', (e) => {
      e.preventDefault();
      done(false);
    });
    document.body.append(dialog);
    dialog.showModal();
  });
}

/** A button that copies `getText()` to the clipboard and says so (falls back to selecting the text). */
export function copyButton(getText, label = 'Copy', fallbackTarget) {
  const live = el('span', { class: 'copied', role: 'status' });
  const button = el('button', {
    type: 'button',
    class: 'secondary small',
    onclick: async () => {
      try {
        await navigator.clipboard.writeText(getText());
        live.textContent = 'Copied.';
      } catch {
        if (fallbackTarget && fallbackTarget.select) fallbackTarget.select();
        live.textContent = 'Press Ctrl+C (or ⌘C) to copy the selected text.';
      }
    },
  }, label);
  return el('span', { class: 'copy' }, button, live);
}

/** A read-only field with the value and a copy button (invitation links, display links). */
export function copyField(labelText, value) {
  const id = `copy-${Math.random().toString(36).slice(2, 9)}`;
  const input = el('input', { id, type: 'text', readonly: true, value, class: 'mono' });
  return el('div', { class: 'copy-field' }, el('label', { for: id }, labelText), el('div', { class: 'row' }, input, copyButton(() => input.value, 'Copy link', input)));
}

const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The browser's IANA time zone (sent when linking a calendar and with each question). */
export const timeZone = () => browserZone;

export function fmtDateTime(iso, zone) {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', ...(zone ? { timeZone: zone } : {}) }).format(d);
}

export function fmtTime(iso, zone) {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', ...(zone ? { timeZone: zone } : {}) }).format(new Date(iso));
}

export function fmtDate(iso, zone) {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', ...(zone ? { timeZone: zone } : {}) }).format(new Date(iso));
}

/** YYYY-MM-DD of a Date in the browser's zone (for <input type="date">). */
export function isoDay(d = new Date()) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Disables a form's controls while `work` runs, so a double Enter cannot send twice. */
export async function busy(form, work) {
  const controls = [...form.querySelectorAll('button, input, select, textarea')].filter((c) => !c.disabled);
  controls.forEach((c) => (c.disabled = true));
  const focused = document.activeElement;
  form.setAttribute('aria-busy', 'true');
  try {
    return await work();
  } finally {
    controls.forEach((c) => (c.disabled = false));
    form.removeAttribute('aria-busy');
    // Disabling the focused button dropped focus to the page; give it back so keyboard users stay put.
    if (focused && focused.isConnected && (document.activeElement === document.body || !document.activeElement)) focused.focus();
  }
}

/** A table with a caption, header cells with scope, and rows of cells (strings or nodes). */
export function table(caption, headers, rows) {
  return el('table', {},
    el('caption', {}, caption),
    el('thead', {}, el('tr', {}, headers.map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, rows.map((cells) => el('tr', {}, cells.map((c, i) => (i === 0 ? el('th', { scope: 'row' }, c) : el('td', {}, c)))))),
  );
}
