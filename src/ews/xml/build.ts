import { escapeXml } from './escape.js';

/** Attribute map for {@link el}; undefined values are left out. */
export type Attrs = Readonly<Record<string, string | number | boolean | undefined>>;

function renderAttrs(attrs: Attrs | undefined): string {
  if (!attrs) return '';
  let out = '';
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) out += ` ${k}="${escapeXml(String(v))}"`;
  return out;
}

/**
 * Writes one element. `content` is either text (escaped here) or already-built child markup passed
 * through {@link raw}; nothing a caller passes as text can become markup.
 */
export function el(name: string, content?: string | Raw | readonly (Raw | undefined)[] | undefined, attrs?: Attrs): Raw {
  const a = renderAttrs(attrs);
  if (content === undefined) return new Raw(`<${name}${a}/>`);
  const inner = typeof content === 'string' ? escapeXml(content) : Array.isArray(content) ? joinRaw(content) : (content as Raw).xml;
  return new Raw(`<${name}${a}>${inner}</${name}>`);
}

/** Markup that is already safe; only {@link el} and the operation builders make it. */
export class Raw {
  constructor(readonly xml: string) {}
  toString(): string {
    return this.xml;
  }
}

export function joinRaw(parts: readonly (Raw | undefined)[]): string {
  let out = '';
  for (const p of parts) if (p) out += p.xml;
  return out;
}

/** Children list helper: `els(a, cond && b)` keeps only real elements. */
export function els(...parts: (Raw | undefined | false | null)[]): Raw {
  return new Raw(joinRaw(parts.filter((p): p is Raw => p instanceof Raw)));
}
