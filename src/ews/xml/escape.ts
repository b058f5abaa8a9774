// CR is written as a character reference: a parser turns a literal CR (and CRLF) into LF (XML 1.0 §2.11),
// so a meeting body's CRLF line ends would not survive the round trip otherwise.
const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\r': '&#xD;' };

// Characters XML 1.0 cannot carry at all (C0 controls except tab, LF, CR; lone surrogates; U+FFFE/U+FFFF).
// Exchange rejects them with ErrorSchemaValidation, so they are dropped instead of sent.
// eslint-disable-next-line no-control-regex
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escapes text for an element's content or an attribute value; `</t:Subject><t:Foo>&amp;` stays text. */
export function escapeXml(value: string): string {
  return value.replace(INVALID_XML_CHARS, '').replace(/[&<>"'\r]/g, (c) => TEXT_ESCAPES[c] ?? c);
}
