import type { XmlElement } from './parse.js';

/** Small, lenient readers over parsed XML: missing elements give undefined, never a throw. */

export function children(el: XmlElement | undefined, name: string): XmlElement[] {
  const v = el?.[name];
  if (!Array.isArray(v)) return [];
  // A text-only element is parsed as a string; wrap it so callers always see elements.
  return v.map((c) => (typeof c === 'string' ? ({ '#text': c } as XmlElement) : c));
}

export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return children(el, name)[0];
}

/** Follows a path of local names, taking the first match at each step. */
export function path(el: XmlElement | undefined, ...names: string[]): XmlElement | undefined {
  let cur = el;
  for (const n of names) cur = child(cur, n);
  return cur;
}

/** The text of an element (or of the named child); `undefined` when absent, `''` when present but empty. */
export function text(el: XmlElement | undefined, name?: string): string | undefined {
  const target = name === undefined ? el : child(el, name);
  if (target === undefined) return undefined;
  const t = target['#text'];
  return typeof t === 'string' ? t : '';
}

export function attr(el: XmlElement | undefined, name: string): string | undefined {
  const v = el?.[`@${name}`];
  return typeof v === 'string' ? v : undefined;
}

export function bool(el: XmlElement | undefined, name: string): boolean | undefined {
  const t = text(el, name)?.trim().toLowerCase();
  if (t === undefined || t === '') return undefined;
  return t === 'true' || t === '1';
}

export function int(el: XmlElement | undefined, name: string): number | undefined {
  const t = text(el, name)?.trim();
  if (t === undefined || t === '') return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

/** Local names of the element's children in document order is not kept by the parser; this lists the names present. */
export function childNames(el: XmlElement | undefined): string[] {
  return el ? Object.keys(el).filter((k) => !k.startsWith('@') && !k.startsWith('#')) : [];
}
