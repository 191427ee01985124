import { htmlText, parseHtml } from './html-tree';

describe('parseHtml', () => {
  it('reads mammoth’s escaped, nested HTML into a tree', () => {
    const [p, ul] = parseHtml('<p>A &amp; B &lt;c&gt; &#248;<a href="https://x.dk/?a=1&amp;b=2">link</a><br />næste</p><ul><li>en<ul><li>to</li></ul></li></ul>');
    expect(htmlText(p)).toBe('A & B <c> ølinknæste');
    expect(p.kind === 'element' && p.children.find((c) => c.kind === 'element' && c.tag === 'a')).toMatchObject({ attrs: { href: 'https://x.dk/?a=1&b=2' } });
    expect(ul.kind === 'element' && ul.children[0].kind === 'element' && ul.children[0].children.map((c) => (c.kind === 'element' ? c.tag : c.text))).toEqual(['en', 'ul']);
  });

  it('tolerates stray end tags and a lone "<"', () => {
    const nodes = parseHtml('<p>1 < 2</em></p><p>x</p>');
    expect(nodes.map(htmlText)).toEqual(['1 < 2', 'x']);
  });
});
