import { parseStrictXml } from '../../test/strict-xml';
import { xmlSafe, xmlSafeText } from './safe-text';

const XML_1_0_CHAR = /^[\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]*$/u;

describe('xmlSafeText', () => {
  it('leaves only XML 1.0 characters of every code point from U+0000 to U+009F, lone surrogates and U+FFFE/U+FFFF', () => {
    const codes = [...Array.from({ length: 0xa0 }, (_, code) => code), 0xd800, 0xdbff, 0xdc00, 0xdfff, 0xfffe, 0xffff];
    for (const code of codes) {
      const text = `a${String.fromCharCode(code)}b`;
      const safe = xmlSafeText(text);
      expect(safe).toMatch(XML_1_0_CHAR);
      expect(() => parseStrictXml(`<t>${safe.replace(/[<&]/g, '')}</t>`)).not.toThrow();
    }
  });

  it('keeps tab, line feed, return and printable text, and makes Word’s line and page breaks line feeds', () => {
    expect(xmlSafeText('Æbler\tog\npærer\r\n')).toBe('Æbler\tog\npærer\r\n');
    expect(xmlSafeText('linje 1\u000blinje 2\u000cside 2\u0085slut')).toBe('linje 1\nlinje 2\nside 2\nslut');
    for (let code = 0x20; code <= 0x7e; code++) expect(xmlSafeText(String.fromCharCode(code))).toBe(String.fromCharCode(code));
    expect(xmlSafeText('\u00a0ÆØÅ æøå é – “”')).toBe('\u00a0ÆØÅ æøå é – “”');
  });

  it('removes the other controls, the C1 controls, lone surrogates and U+FFFE/U+FFFF, and keeps whole emoji', () => {
    expect(xmlSafeText('a\u0000\u0001\u0008\u000e\u001f\u007f\u0080\u0096\u009fb')).toBe('ab');
    expect(xmlSafeText('x\ud800y\udfffz\ud83d')).toBe('xyz');
    expect(xmlSafeText('\ufffe\uffffok\ufffd')).toBe('ok\ufffd');
    expect(xmlSafeText('👍 🇩🇰')).toBe('👍 🇩🇰');
    expect(() => parseStrictXml('<t>\u0001</t>')).toThrow(/disallowed character/);
  });
});

describe('xmlSafe', () => {
  it('cleans every string of a model and keeps dates, numbers and nulls', () => {
    const at = new Date('2026-03-01T10:00:00Z');
    const model = { title: 'a\u0001b', at, count: 3, none: null, list: [{ text: 'c\u000bd', tags: ['e\u0002'] }] };
    const safe = xmlSafe(model);
    expect(safe).toEqual({ title: 'ab', at, count: 3, none: null, list: [{ text: 'c\nd', tags: ['e'] }] });
    expect(safe.at).toBe(at);
    expect(model.title).toBe('a\u0001b');
  });
});
