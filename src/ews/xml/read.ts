import type { XmlElement } from './parse.js';

/** Small, lenient readers over parsed XML: missing elements give undefined, never a throw. */

/** A text-only element is parsed as a string; wrap it so callers always see elements. */
const asElement = (c: XmlElement | string): XmlElement => (typeof c === 'string' ? ({ '#text': c } as XmlElement) : c);

export function children(el: XmlElement | undefined, name: string): XmlElement[] {
  const v = el?.[name];
  if (!Array.isArray(v)) return [];
  return v.map(asElement);
}

export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  // The first child only: wrapping every sibling just to take one showed up in profiles of large views.
  const v = el?.[name];
  if (!Array.isArray(v) || v.length === 0) return undefined;
  return asElement(v[0] as XmlElement | string);
}

/** Follows a path of local names, taking the first match at each step. */
export function path(el: XmlElement | undefined, ...names: string[]): XmlElement | undefined {
  let cur = el;
  for (const n of names) cur = child(cur, n);
  return cur;
}

/** The text of an element (or of the named child); `undefined` when absent, `''` when present but empty. */
export function text(el: XmlElement | undefined, name?: string): string | undefined {
  let target = el;
  if (name !== undefined) {
    const v = el?.[name];
    const first = Array.isArray(v) ? (v[0] as XmlElement | string | undefined) : undefined;
    // A text-only child is the string itself: what child() would wrap as { '#text': … }, without the wrapper.
    if (typeof first === 'string') return first;
    target = first;
  }
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
