/**
 * Text as every document writer (DOCX, PDF, HTML) may put it in a file.
 *
 * XML 1.0 allows only `#x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]`;
 * one character outside that (a vertical tab pasted from Word, a stray U+0001) makes Word call
 * the whole file damaged. People's text reaches the writers from comments, inputs, titles and
 * drafts, so each writer passes what it is given through here once, where it enters.
 *
 * - Tab, line feed and carriage return stay.
 * - Vertical tab (Word's manual line break when text is copied out of it), form feed (its page
 *   break) and NEL (U+0085) become a line feed: they separated lines for whoever wrote them.
 * - Every other C0 control, lone surrogates (half an emoji, cut by a careless slice) and the
 *   non-characters U+FFFE and U+FFFF are removed: they mean nothing a reader could see.
 * - C1 controls (U+0080–U+009F) are allowed by XML 1.0 but discouraged by it (§2.2), forbidden
 *   raw in XML 1.1 and HTML, not in the PDF fonts' WinAnsi, and in Danish text only ever the
 *   trace of Windows-1252 decoded as Latin-1: they are removed too, so all three formats get
 *   the same text.
 */
// eslint-disable-next-line no-control-regex
const LINE_BREAKS = /[\u000b\u000c\u0085]/g;
/** Everything that is not an XML 1.0 character, and the C1 controls; with `u`, a lone surrogate is one code point. */
const NOT_ALLOWED = /[^\t\n\r\u0020-\u007e\u00a0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

/** `value` with every character a DOCX, PDF or HTML file must not contain removed or made a line break. */
export function xmlSafeText(value: string): string {
  return value.replace(LINE_BREAKS, '\n').replace(NOT_ALLOWED, '');
}

const isPlainObject = (value: object): value is Record<string, unknown> => {
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
};

/**
 * A copy of a writer's input with {@link xmlSafeText} applied to every string in it (in
 * arrays and plain objects, keys included), so a writer cleans its whole input in one place.
 * Dates, numbers and other objects are kept as they are.
 */
export function xmlSafe<T>(value: T): T {
  if (typeof value === 'string') return xmlSafeText(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => xmlSafe(item)) as T;
  if (value !== null && typeof value === 'object' && isPlainObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [xmlSafeText(key), xmlSafe(item)])) as T;
  }
  return value;
}
