import { XMLParser } from 'fast-xml-parser';
import { AppError } from '../../shared/errors.js';

/**
 * A parsed XML element: child elements by local name (namespace prefixes removed, every child as an
 * array, in document order per name), attributes as `@Name`, text as `#text`.
 */
export interface XmlElement {
  readonly [name: string]: XmlElement[] | string | undefined;
}

/** 50 MiB: far above any calendar answer, low enough that a hostile server cannot exhaust memory. */
export const MAX_XML_BYTES = 50 * 1024 * 1024;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  // Only XML's five entities and numeric character references are decoded; DTD entities never are
  // (documents with a DOCTYPE are refused below before the parser sees them).
  processEntities: true,
  htmlEntities: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: (_name, _path, _isLeaf, isAttribute) => !isAttribute,
  // Callbacks get the parser's path matcher instead of a path string: isArray ignores the path, and
  // building that string for every element, attribute and text node was a third of the parse time.
  jPath: false,
});

export class XmlParseError extends AppError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('XmlMalformed', message, 'The server answered with something that is not a well-formed EWS message; check that the URL points at /EWS/Exchange.asmx.', options);
  }
}

/**
 * Parses an XML document safely: refuses DTDs (no entity expansion, no external fetches) and oversized input.
 * Returns the document element.
 */
export function parseXml(text: string): { name: string; element: XmlElement } {
  if (text.length > MAX_XML_BYTES) throw new XmlParseError(`XML document of ${text.length} characters exceeds the ${MAX_XML_BYTES}-character limit`);
  if (/<!DOCTYPE/i.test(text)) throw new XmlParseError('XML document declares a DTD; EWS messages never do, and DTDs are refused so no entity can be expanded');
  let doc: Record<string, unknown>;
  try {
    doc = parser.parse(text, true) as Record<string, unknown>;
  } catch (cause) {
    throw new XmlParseError(`XML is not well-formed: ${(cause as Error).message}`, { cause });
  }
  for (const [name, value] of Object.entries(doc)) {
    if (name.startsWith('?') || name.startsWith('#')) continue;
    const first = Array.isArray(value) ? value[0] : value;
    return { name, element: (typeof first === 'object' && first !== null ? first : { '#text': String(first ?? '') }) as XmlElement };
  }
  throw new XmlParseError('XML document has no root element');
}
