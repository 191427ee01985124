/** A parsed element of the HTML that mammoth writes. */
export interface HtmlElement {
  kind: 'element';
  tag: string;
  attrs: Record<string, string>;
  children: HtmlNode[];
}

export interface HtmlText {
  kind: 'text';
  text: string;
}

export type HtmlNode = HtmlElement | HtmlText;

const VOID = new Set(['br', 'img', 'hr', 'col', 'input', 'meta', 'link']);
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:\s*=\s*"[^"]*")?)*)\s*(\/?)>/y;
const ATTRIBUTE = /([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\s*=\s*"([^"]*)")?/g;
const ENTITY = /&(?:(amp|lt|gt|quot|apos|nbsp)|#(\d+)|#x([0-9a-fA-F]+));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

const codePoint = (value: number) => (value > 0 && value <= 0x10ffff ? String.fromCodePoint(value) : '\ufffd');

/** Undoes the escaping mammoth applies to text and attribute values. */
export const decodeEntities = (value: string): string =>
  value.replace(ENTITY, (_match, name: string | undefined, dec: string | undefined, hex: string | undefined) =>
    name ? NAMED[name] : codePoint(dec ? Number(dec) : parseInt(hex ?? '0', 16)),
  );

/**
 * Parses the well-formed, escaped HTML that mammoth produces into a tree. It is not a
 * general HTML parser (no comments, scripts or unquoted attributes are expected), but it is
 * tolerant: a stray end tag closes up to its match, or is ignored.
 */
export function parseHtml(html: string): HtmlNode[] {
  const root: HtmlElement = { kind: 'element', tag: '#root', attrs: {}, children: [] };
  const stack: HtmlElement[] = [root];
  const top = () => stack[stack.length - 1];
  let position = 0;
  const pushText = (raw: string) => {
    if (raw) top().children.push({ kind: 'text', text: decodeEntities(raw) });
  };
  while (position < html.length) {
    const next = html.indexOf('<', position);
    if (next < 0) {
      pushText(html.slice(position));
      break;
    }
    pushText(html.slice(position, next));
    TAG.lastIndex = next;
    const match = TAG.exec(html);
    if (!match) {
      // A lone "<" is text.
      pushText('<');
      position = next + 1;
      continue;
    }
    position = TAG.lastIndex;
    const [, closing, rawTag, rawAttrs, selfClosing] = match;
    const tag = rawTag.toLowerCase();
    if (closing) {
      const at = stack.map((e) => e.tag).lastIndexOf(tag);
      if (at > 0) stack.length = at;
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const [, name, value] of rawAttrs.matchAll(ATTRIBUTE)) attrs[name.toLowerCase()] = decodeEntities(value ?? '');
    const element: HtmlElement = { kind: 'element', tag, attrs, children: [] };
    top().children.push(element);
    if (!selfClosing && !VOID.has(tag)) stack.push(element);
  }
  return root.children;
}

/** The text of a node and everything under it. */
export const htmlText = (node: HtmlNode): string => (node.kind === 'text' ? node.text : node.children.map(htmlText).join(''));
