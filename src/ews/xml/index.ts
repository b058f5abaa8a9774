export { NS } from './namespaces.js';
export { escapeXml } from './escape.js';
export { parseXml, XmlParseError, MAX_XML_BYTES, type XmlElement } from './parse.js';
export { children, child, path, text, attr, bool, int, childNames } from './read.js';
export { el, els, Raw, joinRaw, type Attrs } from './build.js';
