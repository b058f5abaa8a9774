import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { AppError } from '../../shared/errors.js';

/**
 * A parsed XML element: child elements by local name (namespace prefixes removed; each name's children
 * as an array, in document order), attributes as `@Name` (prefix removed), text as `#text`. A child
 * that has only text and no attributes is stored as that string; the readers in read.ts hide this.
 */
export interface XmlElement {
  readonly [name: string]: (XmlElement | string)[] | string | undefined;
}

/** 50 MiB: far above any calendar answer, low enough that a hostile server cannot exhaust memory. */
export const MAX_XML_BYTES = 50 * 1024 * 1024;
/** Real EWS messages nest about 15 deep; a document nesting deeper than this is hostile. */
export const MAX_XML_DEPTH = 100;

export class XmlParseError extends AppError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('XmlMalformed', message, 'The server answered with something that is not a well-formed EWS message; check that the URL points at /EWS/Exchange.asmx.', options);
  }
}

const localName = (qname: string): string => {
  const i = qname.indexOf(':');
  return i < 0 ? qname : qname.slice(i + 1);
};

type MutableElement = Record<string, (MutableElement | string)[] | string>;

/**
 * Parses an XML document with saxes, a strict, conforming streaming parser: malformed documents are
 * refused, only XML's own entities and character references are decoded, and documents with a DTD
 * are refused outright (EWS never sends one), so no entity can be expanded and nothing is fetched.
 * Returns the document element. Namespace prefixes are dropped: EWS's prefixes differ between
 * Exchange versions, and its messages/types namespaces never reuse a local name in one place.
 */
export function parseXml(text: string): { name: string; element: XmlElement } {
  if (text.length > MAX_XML_BYTES) throw new XmlParseError(`XML document of ${text.length} characters exceeds the ${MAX_XML_BYTES}-character limit`);
  // saxes would refuse a DTD too, but as a generic syntax error; say plainly why.
  if (/<!DOCTYPE/i.test(text)) throw new XmlParseError('XML document declares a DTD; EWS messages never do, and DTDs are refused so no entity can be expanded');
  const doc: MutableElement = {};
  const stack: MutableElement[] = [doc];
  let rootName: string | undefined;
  const parser = new SaxesParser({ xmlns: false, position: false });
  parser.on('doctype', () => {
    throw new XmlParseError('XML document declares a DTD; EWS messages never do, and DTDs are refused so no entity can be expanded');
  });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    if (stack.length > MAX_XML_DEPTH) throw new XmlParseError(`XML nests deeper than ${MAX_XML_DEPTH} levels`);
    const node: MutableElement = {};
    const attrs = tag.attributes;
    for (const k in attrs) {
      if (k === 'xmlns' || k.startsWith('xmlns:')) continue;
      node[`@${localName(k)}`] = attrs[k] as string;
    }
    const name = localName(tag.name);
    rootName ??= name;
    const parent = stack[stack.length - 1]!;
    const list = parent[name];
    if (Array.isArray(list)) list.push(node);
    else parent[name] = [node];
    stack.push(node);
  });
  parser.on('text', (t: string) => {
    const node = stack[stack.length - 1]!;
    const prev = node['#text'];
    node['#text'] = typeof prev === 'string' ? prev + t : t;
  });
  parser.on('cdata', (t: string) => {
    const node = stack[stack.length - 1]!;
    const prev = node['#text'];
    node['#text'] = typeof prev === 'string' ? prev + t : t;
  });
  parser.on('closetag', (tag) => {
    const node = stack.pop()!;
    // A text-only element without attributes collapses to its string: most EWS leaves are like that.
    let only = true;
    for (const k in node) {
      if (k !== '#text') {
        only = false;
        break;
      }
    }
    if (only) {
      const list = stack[stack.length - 1]![localName(tag.name)] as (MutableElement | string)[];
      list[list.length - 1] = (node['#text'] as string | undefined) ?? '';
    }
  });
  try {
    parser.write(text).close();
  } catch (cause) {
    if (cause instanceof XmlParseError) throw cause;
    throw new XmlParseError(`XML is not well-formed: ${(cause as Error).message}`, { cause });
  }
  if (rootName === undefined) throw new XmlParseError('XML document has no root element');
  const root = (doc[rootName] as (MutableElement | string)[])[0]!;
  return { name: rootName, element: (typeof root === 'string' ? { '#text': root } : root) as XmlElement };
}
