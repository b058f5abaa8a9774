import { describe, expect, it } from 'vitest';
import { attr, child, children, childNames, el, els, escapeXml, MAX_XML_BYTES, parseXml, path, text, XmlParseError } from '../../../../src/ews/xml/index.js';

const T = 'http://schemas.microsoft.com/exchange/services/2006/types';

/** Writes `value` as a t:Subject (and as an attribute) and reads both back with the project's parser. */
function roundTrip(value: string): { text: string | undefined; attr: string | undefined; xml: string } {
  const xml = el('t:Subject', value, { Note: value }).xml;
  const doc = parseXml(`<t:Root xmlns:t="${T}">${xml}</t:Root>`);
  const subject = child(doc.element, 'Subject');
  return { text: text(subject), attr: attr(subject, 'Note'), xml };
}

describe('escapeXml and el', () => {
  it('keeps markup in text as text: </t:Subject><t:Foo>&amp; round-trips exactly', () => {
    const hostile = '</t:Subject><t:Foo>&amp;';
    expect(escapeXml(hostile)).toBe('&lt;/t:Subject&gt;&lt;t:Foo&gt;&amp;amp;');
    const r = roundTrip(hostile);
    expect(r.xml).toBe('<t:Subject Note="&lt;/t:Subject&gt;&lt;t:Foo&gt;&amp;amp;">&lt;/t:Subject&gt;&lt;t:Foo&gt;&amp;amp;</t:Subject>');
    expect(r.text).toBe(hostile);
    expect(r.attr).toBe(hostile);
  });

  it('escapes quotes so an attribute value cannot end early', () => {
    const v = `a" Id="evil' x='y`;
    expect(el('t:FieldURI', undefined, { FieldURI: v }).xml).toBe('<t:FieldURI FieldURI="a&quot; Id=&quot;evil&apos; x=&apos;y"/>');
    expect(roundTrip(v).attr).toBe(v);
  });

  it('drops characters XML 1.0 cannot carry and keeps tab, LF and CR exactly', () => {
    const controls = 'a\u0000b\u0001c\u0008d\u000Be\u000Cf\u001Fg\uFFFEh\uFFFFi';
    expect(escapeXml(controls)).toBe('abcdefghi');
    expect(roundTrip(controls).text).toBe('abcdefghi');
    const whitespace = 'line 1\r\nline 2\rline 3\n\tend';
    expect(roundTrip(whitespace).text).toBe(whitespace);
  });

  it('keeps astral characters and drops lone surrogates', () => {
    expect(roundTrip('Café 😀 会议').text).toBe('Café 😀 会议');
    expect(escapeXml('a\uD800b\uDC00c')).toBe('abc');
    expect(escapeXml('\uD83D\uDE00')).toBe('😀');
  });

  it('leaves out undefined attributes and writes numbers and booleans as text', () => {
    expect(el('t:X', undefined, { A: undefined, B: 3, C: false }).xml).toBe('<t:X B="3" C="false"/>');
  });

  it('nests only built markup; els() skips false and undefined', () => {
    const x = el('m:Outer', els(el('t:A', '1'), false, undefined, null, el('t:B', '<2>')));
    expect(x.xml).toBe('<m:Outer><t:A>1</t:A><t:B>&lt;2&gt;</t:B></m:Outer>');
    expect(el('t:L', [el('t:I', 'a'), undefined, el('t:I', 'b')]).xml).toBe('<t:L><t:I>a</t:I><t:I>b</t:I></t:L>');
    expect(el('t:E', '').xml).toBe('<t:E></t:E>');
  });
});

describe('parseXml', () => {
  it('refuses a DOCTYPE, whatever its case or position', () => {
    for (const doc of [
      '<!DOCTYPE a><a/>',
      '<?xml version="1.0"?>\n<!doctype a [<!ENTITY x "y">]><a>&x;</a>',
      '<?xml version="1.0"?><!-- c --><!DocType a SYSTEM "file:///etc/passwd"><a/>',
    ]) {
      expect(() => parseXml(doc)).toThrow(XmlParseError);
      expect(() => parseXml(doc)).toThrow(/DTD/);
    }
  });

  it('refuses a billion-laughs document without expanding it', () => {
    const lol = [
      '<?xml version="1.0"?>',
      '<!DOCTYPE lolz [<!ENTITY lol "lol">',
      ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`),
      ']>',
      '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><lolz>&lol9;</lolz></s:Body></s:Envelope>',
    ].join('\n');
    let error: unknown;
    try {
      parseXml(lol);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(XmlParseError);
    expect((error as XmlParseError).code).toBe('XmlMalformed');
    expect((error as Error).message.length).toBeLessThan(300);
  });

  it('refuses documents above MAX_XML_BYTES before parsing', () => {
    const big = `<a>${'x'.repeat(MAX_XML_BYTES)}</a>`;
    expect(() => parseXml(big)).toThrow(/exceeds/);
  });

  it('decodes numeric character references and the five XML entities once, never twice', () => {
    const { element } = parseXml('<a v="x&amp;y &#60;&#x3E;">&#60;&#x3C;&#x1F600;&#233; &amp; &lt;&gt;&quot;&apos; &amp;lt; &amp;#60; &amp;amp;</a>');
    expect(text(element)).toBe(`<<😀é & <>"' &lt; &#60; &amp;`);
    expect(attr(element, 'v')).toBe('x&y <>');
  });

  it('refuses undeclared entities instead of decoding them into anything', () => {
    expect(() => parseXml('<a>&foo;</a>')).toThrow(XmlParseError);
    expect(() => parseXml('<a>&nbsp;</a>')).toThrow(XmlParseError);
  });

  it('reads the same tree whatever the namespace prefixes (s:, soap:, soap11:, default namespace)', () => {
    const doc = (p: string, decl: string, tp: string, tdecl: string) =>
      `<?xml version="1.0" encoding="utf-8"?><${p}Envelope ${decl}><${p}Header><${tp}ServerVersionInfo ${tdecl} MajorVersion="15" Version="V2017_07_11"/></${p}Header>` +
      `<${p}Body><m:GetFolderResponse xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages"><m:ResponseMessages><m:GetFolderResponseMessage ResponseClass="Success"><m:ResponseCode>NoError</m:ResponseCode></m:GetFolderResponseMessage></m:ResponseMessages></m:GetFolderResponse></${p}Body></${p}Envelope>`;
    const soap = 'http://schemas.xmlsoap.org/soap/envelope/';
    const variants = [
      doc('s:', `xmlns:s="${soap}"`, 'h:', `xmlns:h="${T}" xmlns="${T}"`),
      doc('soap:', `xmlns:soap="${soap}"`, 't:', `xmlns:t="${T}"`),
      doc('soap11:', `xmlns:soap11="${soap}"`, 't:', `xmlns:t="${T}"`),
      doc('', `xmlns="${soap}"`, '', `xmlns="${T}"`),
    ].map(parseXml);
    for (const v of variants) {
      expect(v.name).toBe('Envelope');
      expect(v).toEqual(variants[0]);
    }
    const first = variants[0]!.element;
    expect(attr(path(first, 'Header', 'ServerVersionInfo'), 'Version')).toBe('V2017_07_11');
    expect(text(path(first, 'Body', 'GetFolderResponse', 'ResponseMessages', 'GetFolderResponseMessage'), 'ResponseCode')).toBe('NoError');
  });

  it('refuses text that is not well-formed XML', () => {
    for (const bad of ['', 'hello', '<a>', '<a></b>', '<a><b></a></b>', '<a x="1" x="2"/>']) expect(() => parseXml(bad)).toThrow(XmlParseError);
  });

  it('keeps repeated children in order and reads leniently', () => {
    const { element } = parseXml('<r><i>1</i><i>2</i><e/><n> 42 </n></r>');
    expect(children(element, 'i').map((c) => text(c))).toEqual(['1', '2']);
    expect(text(element, 'e')).toBe('');
    expect(text(element, 'missing')).toBeUndefined();
    expect(child(element, 'missing')).toBeUndefined();
    expect(childNames(element)).toEqual(['i', 'e', 'n']);
  });
});
