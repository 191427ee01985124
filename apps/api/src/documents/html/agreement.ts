import { JSONContent, textOf } from '@aftalerum/editor';
import { xmlSafe } from '../safe-text';
import { escapeHtml } from './escape';
import {
  agreementOutline,
  AgreementDocumentInput,
  groupByLink,
  hasMark,
  HeadingPlace,
  numberedTitle,
  OutlineBlock,
  PART_LABELS,
  positiveInteger,
  titleFacts,
} from '../agreement';

/** Where a heading inside a section stands; a heading outside any section is one level below a part. */
type Headings = (heading: JSONContent) => HeadingPlace;

/** 'Fokusområder' as 'fokusomraader': a plain anchor name. */
const slug = (label: string): string =>
  label
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** The anchor of a numbered heading: '2' as 'afsnit-2', '2.1' as 'afsnit-2-1'. */
const numberId = (number: string): string => `afsnit-${number.replace(/\./g, '-')}`;


/** Escaped text with its line breaks kept. */
const escapeLines = (value: string): string => escapeHtml(value).replace(/\n/g, '<br>');

const HTML_MARKS: Array<[mark: string, tag: string]> = [
  ['code', 'code'],
  ['strike', 's'],
  ['underline', 'u'],
  ['italic', 'em'],
  ['bold', 'strong'],
];

function htmlInlineNode(node: JSONContent): string {
  if (node.type === 'hardBreak') return '<br>';
  if (node.type !== 'text') return escapeLines(textOf(node));
  return HTML_MARKS.reduce(
    (html, [mark, tag]) => (hasMark(node, mark) ? `<${tag}>${html}</${tag}>` : html),
    escapeLines(node.text ?? ''),
  );
}

function htmlInline(nodes: JSONContent[] | undefined): string {
  return groupByLink(nodes ?? [])
    .map((group) => {
      const inner = group.nodes.map(htmlInlineNode).join('');
      return group.href === null ? inner : `<a href="${escapeHtml(group.href)}" rel="noopener noreferrer">${inner}</a>`;
    })
    .join('');
}

const spanAttributes = (cell: JSONContent): string => {
  const colspan = positiveInteger(cell.attrs?.colspan, 1);
  const rowspan = positiveInteger(cell.attrs?.rowspan, 1);
  return `${colspan > 1 ? ` colspan="${colspan}"` : ''}${rowspan > 1 ? ` rowspan="${rowspan}"` : ''}`;
};

class HtmlRenderer {
  private readonly usedIds = new Set<string>();

  constructor(private readonly headings: Headings) {}

  /**
   * A part heading (Visioner, Fokusområder, …) or a section: its kind label, then its heading, numbered,
   * and its body. Heading levels follow the outline: parts and the introduction h1, sections h2, a focus
   * area's goals and sub-headings h3, below that h4 — the levels of the DOCX and the PDF.
   */
  outlineBlock(block: OutlineBlock): string {
    if (block.type === 'loose') return this.blocks([block.node]);
    if (block.type === 'part') {
      return `<h1 class="part-heading" id="${this.uniqueId(`del-${slug(block.label)}`)}">${escapeHtml(block.label)}</h1>`;
    }
    const { depth, number } = block.place;
    const id = this.uniqueId(number === null ? slug(PART_LABELS[block.kind]) : numberId(number));
    const prefix = number === null ? '' : `<span class="heading-number">${numberedTitle(block.place, '', true).trim()}</span> `;
    return [
      `<section class="agreement-section" id="${id}" data-kind="${escapeHtml(block.kind)}">`,
      `<p class="section-kind">${escapeHtml(block.kindLabel)}</p>`,
      `<h${depth}>${prefix}${htmlInline(block.heading?.content)}</h${depth}>`,
      this.blocks(block.body),
      '</section>',
    ].join('\n');
  }

  /** `wanted`, or `wanted-2`, `wanted-3`, … when the page has it already (two runs of one part). */
  private uniqueId(wanted: string): string {
    let id = wanted;
    for (let n = 2; this.usedIds.has(id); n += 1) id = `${wanted}-${n}`;
    this.usedIds.add(id);
    return id;
  }

  blocks(nodes: JSONContent[]): string {
    return nodes.map((node) => this.block(node)).join('\n');
  }

  private block(node: JSONContent): string {
    switch (node.type) {
      case 'paragraph':
        return `<p>${htmlInline(node.content)}</p>`;
      case 'heading': {
        const { depth, number } = this.headings(node);
        const id = number ? ` id="${this.uniqueId(numberId(number))}"` : '';
        const prefix = number ? `<span class="heading-number">${number}</span> ` : '';
        return `<h${depth}${id}>${prefix}${htmlInline(node.content)}</h${depth}>`;
      }
      case 'bulletList':
        return `<ul>\n${this.listItems(node)}\n</ul>`;
      case 'orderedList': {
        const start = positiveInteger(node.attrs?.start, 1);
        return `<ol${start === 1 ? '' : ` start="${start}"`}>\n${this.listItems(node)}\n</ol>`;
      }
      case 'listItem':
        return `<ul>\n${this.listItems({ type: 'bulletList', content: [node] })}\n</ul>`;
      case 'blockquote':
        return `<blockquote>\n${this.blocks(node.content ?? [])}\n</blockquote>`;
      case 'table':
        return this.table(node);
      case 'horizontalRule':
        return '<hr>';
      case 'codeBlock':
        return `<pre><code>${escapeHtml(textOf(node))}</code></pre>`;
      case 'text':
      case 'hardBreak':
        return `<p>${htmlInline([node])}</p>`;
      default: {
        // A node type this renderer does not know: keep its text.
        const text = textOf(node);
        return text.trim() === '' ? '' : `<p class="unknown-block">${escapeLines(text)}</p>`;
      }
    }
  }

  private listItems(list: JSONContent): string {
    return (list.content ?? [])
      .map((item) =>
        item.type === 'listItem'
          ? `<li>${this.blocks(item.content ?? [])}</li>`
          : `<li>${this.block(item)}</li>`,
      )
      .join('\n');
  }

  private table(table: JSONContent): string {
    const rows = (table.content ?? []).filter((row) => row.type === 'tableRow');
    const cellsOf = (row: JSONContent) =>
      (row.content ?? []).filter((cell) => cell.type === 'tableCell' || cell.type === 'tableHeader');
    let headerRows = 0;
    while (headerRows < rows.length) {
      const cells = cellsOf(rows[headerRows]);
      if (cells.length === 0 || !cells.every((cell) => cell.type === 'tableHeader')) break;
      headerRows += 1;
    }
    const renderRow = (row: JSONContent, inHead: boolean) => {
      const cells = cellsOf(row).map((cell) => {
        const tag = cell.type === 'tableHeader' ? 'th' : 'td';
        const scope = tag === 'th' ? ` scope="${inHead ? 'col' : 'row'}"` : '';
        // A cell of one paragraph needs no <p> of its own.
        const content = cell.content ?? [];
        const inner =
          content.length === 1 && content[0].type === 'paragraph'
            ? htmlInline(content[0].content)
            : this.blocks(content);
        return `<${tag}${scope}${spanAttributes(cell)}>${inner}</${tag}>`;
      });
      return `<tr>${cells.join('')}</tr>`;
    };
    const head = rows.slice(0, headerRows).map((row) => renderRow(row, true));
    const body = rows.slice(headerRows).map((row) => renderRow(row, false));
    return [
      '<table>',
      ...(head.length ? ['<thead>', ...head, '</thead>'] : []),
      ...(body.length ? ['<tbody>', ...body, '</tbody>'] : []),
      '</table>',
    ].join('\n');
  }
}

const HTML_STYLE = `
@page { size: A4; margin: 25mm 20mm 25mm 20mm; @bottom-center { content: counter(page); font: 9pt Arial, sans-serif; color: #595959; } }
@page :first { @bottom-center { content: none; } }
html { font-family: Georgia, 'Times New Roman', Times, serif; font-size: 11pt; line-height: 1.5; color: #1a1a1a; }
body { margin: 0; }
@media screen { body { max-width: 170mm; margin: 0 auto; padding: 2rem 1.5rem; } }
h1, h2, h3, h4, .section-kind, .title-page, .facts dt, th { font-family: 'Helvetica Neue', Helvetica, Arial, sans-serif; }
h1, h2, h3, h4 { color: #1f3864; line-height: 1.25; break-after: avoid; page-break-after: avoid; }
h1 { font-size: 20pt; margin: 0 0 0.6em; }
h1.part-heading { margin-top: 1.6em; padding-bottom: 0.2em; border-bottom: 1px solid #a6a6a6; }
main > h1.part-heading:first-child { margin-top: 0; }
h2 { font-size: 17pt; margin: 0 0 0.6em; }
h3 { font-size: 13.5pt; margin: 1.4em 0 0.5em; }
h4 { font-size: 11.5pt; margin: 1.2em 0 0.4em; color: #404040; }
.heading-number { margin-right: 0.25em; }
.title-page { min-height: 230mm; display: flex; flex-direction: column; justify-content: center; break-after: page; page-break-after: always; }
.document-title { font-size: 28pt; font-weight: bold; line-height: 1.15; color: #1f3864; margin: 0 0 0.4em; }
.region { font-size: 16pt; color: #1f3864; margin: 0 0 2em; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.3em 1.5em; margin: 0; }
.facts dt { font-weight: bold; }
.facts dd { margin: 0; }
.agreement-section { margin-top: 2.2em; }
.section-kind + h1, .section-kind + h2, .section-kind + h3 { margin-top: 0; }
.section-kind { font-size: 8.5pt; letter-spacing: 0.08em; text-transform: uppercase; color: #595959; margin: 0 0 0.2em; break-after: avoid; page-break-after: avoid; }
p { margin: 0 0 0.6em; orphans: 3; widows: 3; }
ul, ol { margin: 0 0 0.6em; padding-left: 1.6em; }
li > p { margin: 0.15em 0; }
li ol { list-style-type: lower-alpha; }
li li ol { list-style-type: lower-roman; }
li li li ol { list-style-type: decimal; }
blockquote { margin: 0 0 0.8em; padding-left: 1em; border-left: 3px solid #a6a6a6; color: #333; }
table { width: 100%; border-collapse: collapse; margin: 0.6em 0 1em; font-size: 10pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 1px solid #8c8c8c; padding: 4pt 6pt; text-align: left; vertical-align: top; }
th { background: #d9e2f3; }
td p, th p { margin: 0; }
code, pre { font-family: Consolas, 'Courier New', monospace; font-size: 0.92em; }
pre { background: #f2f2f2; padding: 0.6em; white-space: pre-wrap; }
hr { border: 0; border-top: 1px solid #a6a6a6; margin: 1.4em 0; }
a { color: #0563c1; }
@media print { a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 8.5pt; color: #595959; word-break: break-all; } }
`;

function htmlTitlePage(input: AgreementDocumentInput): string {
  const facts = titleFacts(input)
    .map((fact) => {
      const value = fact.datetime
        ? `<time datetime="${escapeHtml(fact.datetime)}">${escapeHtml(fact.value)}</time>`
        : escapeHtml(fact.value);
      return `<dt>${escapeHtml(fact.label)}</dt><dd>${value}</dd>`;
    })
    .join('\n');
  return [
    '<header class="title-page">',
    `<p class="document-title">${escapeHtml(input.title)}</p>`,
    `<p class="region">${escapeHtml(input.regionName)}</p>`,
    `<dl class="facts">\n${facts}\n</dl>`,
    '</header>',
  ].join('\n');
}

/** The agreement as a complete, print-ready HTML page (A4): title page, then the agreement's outline (as in the DOCX and the PDF). */
export function renderAgreementHtml(given: AgreementDocumentInput): string {
  // The same clean text as the DOCX: control characters are parse errors in HTML too.
  const input = xmlSafe(given);
  const outline = agreementOutline(input.doc);
  const renderer = new HtmlRenderer(
    (heading) => outline.headings.get(heading) ?? { depth: Number(heading.attrs?.level ?? 2) >= 3 ? 3 : 2, number: null },
  );
  const body = outline.blocks.map((block) => renderer.outlineBlock(block)).join('\n');
  return [
    '<!doctype html>',
    '<html lang="da">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="Aftalerum">',
    `<title>${escapeHtml(input.title)}</title>`,
    `<style>${HTML_STYLE}</style>`,
    '</head>',
    '<body>',
    htmlTitlePage(input),
    '<main>',
    body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
