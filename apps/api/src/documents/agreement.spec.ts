import type { JSONContent } from '@aftalerum/editor';
import JSZip from 'jszip';
import type { AgreementDocumentInput } from './agreement';
import { renderAgreementDocx } from './docx/agreement';
import { renderAgreementHtml } from './html/agreement';
import { renderAgreementPdf } from './pdf/agreement';
import { pdfText } from '../../test/poppler';

// ---- Fixture: a small but realistic health agreement draft. ------------------------------------

let ids = 0;
const id = () => `b${++ids}`;
const text = (value: string, ...marks: NonNullable<JSONContent['marks']>): JSONContent =>
  marks.length ? { type: 'text', text: value, marks } : { type: 'text', text: value };
const bold = { type: 'bold' };
const italic = { type: 'italic' };
const underline = { type: 'underline' };
const strike = { type: 'strike' };
const link = (href: string) => ({ type: 'link', attrs: { href, target: '_blank' } });
const p = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', attrs: { blockId: id() }, content });
const h = (level: number, title: string): JSONContent => ({ type: 'heading', attrs: { blockId: id(), level }, content: [text(title)] });
const li = (...content: JSONContent[]): JSONContent => ({ type: 'listItem', attrs: { blockId: id() }, content });
const cell = (type: 'tableCell' | 'tableHeader', value: string): JSONContent => ({
  type,
  attrs: { blockId: id(), colspan: 1, rowspan: 1, colwidth: null },
  content: [p(text(value))],
});
const row = (type: 'tableCell' | 'tableHeader', ...values: string[]): JSONContent => ({
  type: 'tableRow',
  content: values.map((value) => cell(type, value)),
});
const section = (kind: string, title: string, ...blocks: JSONContent[]): JSONContent => ({
  type: 'section',
  attrs: { kind, blockId: id() },
  content: [h(1, title), ...blocks],
});

const SCRIPT = '<script>alert(1)</script>';
const IMG = '<img src=x onerror=alert(1)>';
const SAFE_LINK = 'https://www.regionh.dk/sundhedsaftale?side=1&sprog=da';

const doc: JSONContent = {
  type: 'doc',
  content: [
    section(
      'VISION',
      'Mere lighed i sundhed',
      p(text('Vi vil mindske den sociale ulighed i sundhed på tværs af sektorer.')),
      h(2, 'Borgere i udsatte positioner'),
      p(text('Særlig indsats for dem, der har '), text('størst', italic), text(' behov.')),
    ),
    section(
      'FOCUS_AREA',
      'Sammen om børn og unges sundhed',
      p(text('Indsatserne i fokusområdet er:')),
      {
        type: 'bulletList',
        content: [
          li(p(text('Tidlig opsporing af mistrivsel'))),
          li(
            p(text('Fælles forløb for unge med psykisk sårbarhed')),
            { type: 'orderedList', attrs: { start: 1 }, content: [li(p(text('Kommunen koordinerer'))), li(p(text('Regionen rådgiver')))] },
          ),
        ],
      },
      h(2, 'Ansvar og opfølgning'),
      {
        type: 'table',
        content: [
          row('tableHeader', 'Indsats', 'Ansvarlig', 'Frist'),
          row('tableCell', 'Sundhedsplejerske ved skolestart', 'Kommunerne', '2025'),
          row('tableCell', 'Ungdomspsykiatrisk rådgivning', 'Regionen', '2026'),
        ],
      },
      h(3, 'Måling'),
      p(text('Målene følges '), text('årligt', underline), text(' og rapporteres '), text('kvartalsvis', strike), text('.')),
    ),
    section(
      'PRINCIPLE',
      'Borgerne med fra start',
      p(text('Borgeren er '), text('altid', bold), text(' med, se '), text('aftalens hjemmeside', link(SAFE_LINK)), text('.')),
      p(text(`Indsendt tekst: ${SCRIPT} og ${IMG}`)),
      p(text('Klik her', link('javascript:alert(1)')), text(' og '), text('her', link(' JaVaScRiPt:alert(2)'))),
    ),
    section('NOT_A_KIND"><script>alert(3)</script>', 'Øvrige bestemmelser', {
      type: 'callout',
      attrs: { tone: 'info' },
      content: [p(text('Ukendt blok bevares'))],
    }),
  ],
};

const input = (overrides: Partial<AgreementDocumentInput> = {}): AgreementDocumentInput => ({
  title: 'Sundhedsaftale 2024–2027 for Region Hovedstaden',
  regionName: 'Region Hovedstaden',
  periodStart: 2024,
  periodEnd: 2027,
  effectiveDate: '2024-01-01',
  versionLabel: 'Version 3 – Høringsudkast',
  // 14.03 in Copenhagen (CET, UTC+1).
  generatedAt: new Date('2025-03-05T13:03:00Z'),
  doc,
  ...overrides,
});

/** The Word document's headings, in order: part headings, the numbered sections under them, their sub-headings. */
const EXPECTED_DOCX_HEADINGS: Array<[level: number, text: string]> = [
  [1, 'Visioner'],
  [2, '1. Mere lighed i sundhed'],
  [3, '1.1 Borgere i udsatte positioner'],
  [1, 'Fokusområder'],
  [2, '2. Sammen om børn og unges sundhed'],
  [3, '2.1 Ansvar og opfølgning'],
  [4, '2.1.1 Måling'],
  [1, 'Principper'],
  [2, '3. Borgerne med fra start'],
  [1, 'Øvrige'],
  [2, '4. Øvrige bestemmelser'],
];
const EXPECTED_KIND_LABELS = ['Vision', 'Fokusområde', 'Princip', 'Andet'];

// ---- Helpers to read the outputs. ----------------------------------------------------------------

const decodeEntities = (value: string): string =>
  value
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, '&');

interface DocxParagraph {
  style: string | null;
  numbered: boolean;
  text: string;
  xml: string;
}

/** A heading paragraph's level: Heading1–4, or a part heading (level 1). */
const headingLevel = (style: string | null): number | null => (style === 'PartHeading' ? 1 : style && /^Heading[1-4]$/.test(style) ? Number(style.slice(-1)) : null);

/** Every w:p of a WordprocessingML part, with its style and its text. */
function docxParagraphs(xml: string): DocxParagraph[] {
  return [...xml.matchAll(/<w:p(?: [^>]*)?>([\s\S]*?)<\/w:p>/g)].map(([whole, inner]) => ({
    style: /<w:pStyle w:val="([^"]+)"\/>/.exec(inner)?.[1] ?? null,
    numbered: inner.includes('<w:numPr>'),
    text: decodeEntities([...inner.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')),
    xml: whole,
  }));
}

/** Every w:r: its properties' XML and its text. */
function docxRuns(xml: string): Array<{ props: string; text: string }> {
  return [...xml.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map(([, inner]) => ({
    props: /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(inner)?.[1] ?? '',
    text: decodeEntities([...inner.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')),
  }));
}

async function unzipDocx(buffer: Buffer) {
  const zip = await JSZip.loadAsync(buffer);
  const read = async (path: string) => {
    const file = zip.file(path);
    if (!file) throw new Error(`${path} is missing from the DOCX`);
    return file.async('string');
  };
  return {
    document: await read('word/document.xml'),
    rels: await read('word/_rels/document.xml.rels'),
    styles: await read('word/styles.xml'),
    numbering: await read('word/numbering.xml'),
    core: await read('docProps/core.xml'),
  };
}

const stripTags = (html: string): string => decodeEntities(html.replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim();

/** The HTML page's headings, in order: [level, text]. */
const htmlHeadings = (html: string): Array<[level: number, text: string]> =>
  [...html.matchAll(/<h([1-6])[^>]*>([\s\S]*?)<\/h\1>/g)].map((m) => [Number(m[1]), stripTags(m[2])]);

/** The Word document's headings, in order: [level, text]. */
const docxHeadings = async (given: AgreementDocumentInput): Promise<Array<[level: number, text: string]>> =>
  docxParagraphs((await unzipDocx(await renderAgreementDocx(given))).document)
    .filter((paragraph) => headingLevel(paragraph.style) !== null)
    .map((paragraph): [number, string] => [headingLevel(paragraph.style)!, paragraph.text]);

// ---- DOCX ------------------------------------------------------------------------------------------

describe('renderAgreementDocx', () => {
  let parts: Awaited<ReturnType<typeof unzipDocx>>;
  let paragraphs: DocxParagraph[];

  beforeAll(async () => {
    const buffer = await renderAgreementDocx(input());
    expect(buffer.subarray(0, 2).toString('latin1')).toBe('PK');
    parts = await unzipDocx(buffer);
    paragraphs = docxParagraphs(parts.document);
  });

  it('numbers the section and sub-section headings in order, as real Word headings', () => {
    const headings = paragraphs
      .filter((paragraph) => headingLevel(paragraph.style) !== null)
      .map((paragraph) => [headingLevel(paragraph.style), paragraph.text]);
    expect(headings).toEqual(EXPECTED_DOCX_HEADINGS);
  });

  it('puts the Danish kind label above each section heading', () => {
    const labels = paragraphs.filter((paragraph) => paragraph.style === 'SectionKind');
    expect(labels.map((label) => label.text)).toEqual(EXPECTED_KIND_LABELS);
    for (const label of labels) {
      const next = paragraphs[paragraphs.indexOf(label) + 1];
      expect(next.style).toBe('Heading2');
    }
    // The bogus kind attribute is never written anywhere.
    expect(parts.document).not.toContain('NOT_A_KIND');
  });

  it('writes the title page, then a table of contents field over Heading 1–3, then the sections', () => {
    const texts = paragraphs.map((paragraph) => paragraph.text);
    expect(paragraphs[0]).toMatchObject({ style: 'Title', text: 'Sundhedsaftale 2024–2027 for Region Hovedstaden' });
    expect(texts).toEqual(
      expect.arrayContaining([
        'Region Hovedstaden',
        'Aftaleperiode: 2024–2027',
        'Ikrafttræden: 1. januar 2024',
        'Version: Version 3 – Høringsudkast',
        'Genereret: 5. marts 2025 kl. 14.03',
      ]),
    );
    const instructions = [...parts.document.matchAll(/<w:instrText[^>]*>([^<]*)<\/w:instrText>/g)].map((m) => decodeEntities(m[1]));
    const toc = instructions.find((instruction) => /^\s*TOC\b/.test(instruction));
    expect(toc).toMatch(/\\o "1-3"/);

    const titlePageBreak = parts.document.indexOf('<w:sectPr'); // the first section (title page) ends here
    const tocStart = parts.document.indexOf('<w:sdt>');
    const firstBodyHeading = parts.document.indexOf(paragraphs.find((paragraph) => headingLevel(paragraph.style) === 1)?.xml ?? '<none>');
    expect(parts.document.indexOf('Region Hovedstaden')).toBeLessThan(titlePageBreak);
    expect(titlePageBreak).toBeLessThan(tocStart);
    expect(tocStart).toBeGreaterThan(-1);
    expect(firstBodyHeading).toBeGreaterThan(tocStart);
  });

  it('writes the bullet and numbered list items as Word list paragraphs, nested at the next level', () => {
    const listItems = paragraphs.filter((paragraph) => paragraph.numbered);
    expect(listItems.map((item) => item.text)).toEqual([
      'Tidlig opsporing af mistrivsel',
      'Fælles forløb for unge med psykisk sårbarhed',
      'Kommunen koordinerer',
      'Regionen rådgiver',
    ]);
    const level = (item: DocxParagraph) => Number(/<w:ilvl w:val="(\d+)"\/>/.exec(item.xml)?.[1]);
    expect(listItems.map(level)).toEqual([0, 0, 1, 1]);
    expect(parts.numbering).toContain('<w:numFmt w:val="bullet"/>');
    expect(parts.numbering).toContain('<w:numFmt w:val="lowerLetter"/>');
  });

  it('writes the table as a Word table with a repeating header row', () => {
    const tables = [...parts.document.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((m) => m[0]);
    expect(tables).toHaveLength(1);
    const rows = [...tables[0].matchAll(/<w:tr(?: [^>]*)?>([\s\S]*?)<\/w:tr>/g)].map((m) => m[0]);
    expect(rows).toHaveLength(3);
    expect(docxParagraphs(rows[0]).map((paragraph) => paragraph.text)).toEqual(['Indsats', 'Ansvarlig', 'Frist']);
    expect(rows[0]).toContain('<w:tblHeader/>');
    expect(docxParagraphs(rows[2]).map((paragraph) => paragraph.text)).toEqual(['Ungdomspsykiatrisk rådgivning', 'Regionen', '2026']);
  });

  it('keeps bold, italic, underline and strike on the right words', () => {
    const runs = docxRuns(parts.document);
    const propsOf = (value: string) => runs.find((run) => run.text === value)?.props ?? '<missing>';
    expect(propsOf('altid')).toContain('<w:b/>');
    expect(propsOf('størst')).toContain('<w:i/>');
    expect(propsOf('årligt')).toContain('<w:u w:val="single"/>');
    expect(propsOf('kvartalsvis')).toContain('<w:strike/>');
    expect(propsOf(' med, se ')).not.toContain('<w:b/>');
  });

  it('links safe URLs through an external relationship and drops javascript: links but keeps their text', () => {
    const relationship = /<Relationship Id="([^"]+)" Type="[^"]*\/hyperlink" Target="([^"]+)" TargetMode="External"\/>/.exec(parts.rels);
    expect(relationship).not.toBeNull();
    const [, relationshipId, target] = relationship ?? [];
    expect(decodeEntities(target)).toBe(SAFE_LINK);
    expect(parts.document).toMatch(new RegExp(`<w:hyperlink[^>]*r:id="${relationshipId}"[^>]*>[\\s\\S]*?aftalens hjemmeside[\\s\\S]*?</w:hyperlink>`));

    expect(parts.rels.toLowerCase()).not.toContain('javascript:');
    expect(parts.document.toLowerCase()).not.toContain('javascript:');
    expect(parts.rels.match(/\/hyperlink"/g)).toHaveLength(1);
    const unsafeLinkParagraph = paragraphs.find((paragraph) => paragraph.text === 'Klik her og her');
    expect(unsafeLinkParagraph?.xml).not.toContain('<w:hyperlink');
  });

  it('keeps markup in text as text, and the text of unknown node types', () => {
    const texts = paragraphs.map((paragraph) => paragraph.text);
    expect(texts).toContain(`Indsendt tekst: ${SCRIPT} og ${IMG}`);
    expect(parts.document).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(parts.document).not.toContain('<script');
    expect(texts).toContain('Ukendt blok bevares');
  });

  it('is in Danish and carries the title in its core properties', () => {
    expect(parts.document).toContain('<w:lang w:val="da-DK"/>');
    expect(parts.styles).toMatch(/<w:docDefaults>[\s\S]*<w:lang w:val="da-DK"\/>[\s\S]*<\/w:docDefaults>/);
    expect(parts.core).toContain('<dc:title>Sundhedsaftale 2024–2027 for Region Hovedstaden</dc:title>');
  });

  it('starts each numbered list at its own start number', async () => {
    const numbered = await unzipDocx(
      await renderAgreementDocx(
        input({
          doc: {
            type: 'doc',
            content: [
              section('GOAL', 'Mål', { type: 'orderedList', attrs: { start: 3 }, content: [li(p(text('Tredje mål')))] }, {
                type: 'orderedList',
                attrs: { start: 1 },
                content: [li(p(text('Første mål')))],
              }),
            ],
          },
        }),
      ),
    );
    const items = docxParagraphs(numbered.document).filter((paragraph) => paragraph.numbered);
    const startOf = (item: DocxParagraph) => {
      const numId = /<w:numId w:val="(\d+)"\/>/.exec(item.xml)?.[1];
      const num = new RegExp(`<w:num w:numId="${numId}">([\\s\\S]*?)</w:num>`).exec(numbered.numbering)?.[1] ?? '';
      return Number(/<w:lvlOverride w:ilvl="0"><w:startOverride w:val="(\d+)"\/>/.exec(num)?.[1]);
    };
    expect(items.map((item) => [item.text, startOf(item)])).toEqual([
      ['Tredje mål', 3],
      ['Første mål', 1],
    ]);
  });

  it('labels the live draft as a working draft', async () => {
    const live = await unzipDocx(await renderAgreementDocx(input({ versionLabel: null, effectiveDate: '2027-12-31' })));
    const texts = docxParagraphs(live.document).map((paragraph) => paragraph.text);
    expect(texts).toContain('Version: Arbejdsudkast');
    expect(texts).toContain('Ikrafttræden: 31. december 2027');
  });
});

// ---- HTML ------------------------------------------------------------------------------------------

describe('renderAgreementHtml', () => {
  const html = renderAgreementHtml(input());

  it('is a complete Danish HTML page with print CSS', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="da">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<title>Sundhedsaftale 2024–2027 for Region Hovedstaden</title>');
    expect(html).toMatch(/@page \{ size: A4; margin: [^}]*\}/);
    expect(html).toMatch(/\.title-page \{[^}]*break-after: page;/);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('renders the title page facts in Danish', () => {
    const titlePage = /<header class="title-page">([\s\S]*?)<\/header>/.exec(html)?.[1] ?? '';
    expect(stripTags(titlePage)).toBe(
      'Sundhedsaftale 2024–2027 for Region Hovedstaden Region Hovedstaden Aftaleperiode2024–2027 Ikrafttræden1. januar 2024 ' +
        'VersionVersion 3 – Høringsudkast Genereret5. marts 2025 kl. 14.03',
    );
    expect(titlePage).toContain('<time datetime="2024-01-01">1. januar 2024</time>');
    expect(stripTags(renderAgreementHtml(input({ versionLabel: null })))).toContain('VersionArbejdsudkast');
  });

  it('numbers the headings as the DOCX does, under part headings, each section a <section> with its kind label', () => {
    expect(htmlHeadings(html)).toEqual(EXPECTED_DOCX_HEADINGS);
    const sections = [...html.matchAll(/<section class="agreement-section"[^>]*>([\s\S]*?)<\/section>/g)].map((m) => m[1]);
    expect(sections).toHaveLength(4);
    expect(sections.map((s) => /^\s*<p class="section-kind">([^<]*)<\/p>\s*<h2>/.exec(s)?.[1])).toEqual(EXPECTED_KIND_LABELS);
  });

  it('keeps the anchors of the numbered headings', () => {
    const ids = [...html.matchAll(/<(?:section|h[1-4])[^>]* id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual([
      'del-visioner',
      'afsnit-1',
      'afsnit-1-1',
      'del-fokusomraader',
      'afsnit-2',
      'afsnit-2-1',
      'afsnit-2-1-1',
      'del-principper',
      'afsnit-3',
      'del-oevrige',
      'afsnit-4',
    ]);
  });

  it('keeps lists, tables and inline formatting', () => {
    expect(html).toMatch(/<ul>\s*<li><p>Tidlig opsporing af mistrivsel<\/p><\/li>/);
    expect(html).toMatch(/<li><p>Fælles forløb for unge med psykisk sårbarhed<\/p>\s*<ol>\s*<li><p>Kommunen koordinerer<\/p><\/li>/);
    expect(html).toMatch(
      /<table>\s*<thead>\s*<tr><th scope="col">Indsats<\/th><th scope="col">Ansvarlig<\/th><th scope="col">Frist<\/th><\/tr>\s*<\/thead>\s*<tbody>\s*<tr><td>Sundhedsplejerske ved skolestart<\/td>/,
    );
    expect(html).toContain('<strong>altid</strong>');
    expect(html).toContain('<em>størst</em>');
    expect(html).toContain('<u>årligt</u>');
    expect(html).toContain('<s>kvartalsvis</s>');
    expect(html).toContain(
      '<a href="https://www.regionh.dk/sundhedsaftale?side=1&amp;sprog=da" rel="noopener noreferrer">aftalens hjemmeside</a>',
    );
  });

  it('escapes markup in text and drops javascript: links, keeping their text', () => {
    expect(html).toContain('Indsendt tekst: &lt;script&gt;alert(1)&lt;/script&gt; og &lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/javascript:/i);
    expect(html).toContain('<p>Klik her og her</p>');
    // The unknown section kind falls back to OTHER; its attribute value never reaches the page.
    expect(html).toContain('data-kind="OTHER"');
    expect(html).not.toContain('NOT_A_KIND');
  });

  it('keeps the start number of an ordered list', () => {
    const numbered = renderAgreementHtml(
      input({
        doc: {
          type: 'doc',
          content: [section('GOAL', 'Mål', { type: 'orderedList', attrs: { start: 3 }, content: [li(p(text('Tredje mål')))] })],
        },
      }),
    );
    expect(numbered).toMatch(/<ol start="3">\s*<li><p>Tredje mål<\/p><\/li>\s*<\/ol>/);
  });

  it('renders the text of unknown node types as a paragraph', () => {
    expect(html).toMatch(/<p class="unknown-block">Ukendt blok bevares<\/p>/);
  });

  it('escapes the title page fields and every link attribute', () => {
    const hostile = renderAgreementHtml(
      input({
        title: 'Aftale <b>"A" & \'B\'</b>',
        regionName: '<script>alert("region")</script>',
        versionLabel: '<img src=x onerror=alert(1)>',
        effectiveDate: '"><script>x</script>',
        doc: {
          type: 'doc',
          content: [
            section(
              'GOAL',
              'Mål <i>1</i>',
              p(text('citat', link('https://example.dk/a"onmouseover="alert(1)'))),
              p(text('post', link('mailto:sekretariat@regionh.dk'))),
              p(text('data', link('data:text/html,<script>alert(1)</script>'))),
              p(text('relativ', link('/intern/side'))),
              p(text('tab', link('java\tscript:alert(1)'))),
            ),
          ],
        },
      }),
    );
    expect(hostile).toContain('<title>Aftale &lt;b&gt;&quot;A&quot; &amp; &#39;B&#39;&lt;/b&gt;</title>');
    expect(hostile).toContain('<p class="region">&lt;script&gt;alert(&quot;region&quot;)&lt;/script&gt;</p>');
    expect(hostile).toContain('<time datetime="&quot;&gt;&lt;script&gt;x&lt;/script&gt;">');
    expect(hostile).toContain('<h2><span class="heading-number">1.</span> Mål &lt;i&gt;1&lt;/i&gt;</h2>');
    expect(hostile).not.toMatch(/<script|<img|<b>|<i>|onmouseover="|javascript:|data:text/i);
    const hrefs = [...hostile.matchAll(/<a href="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs).toEqual(['https://example.dk/a%22onmouseover=%22alert(1)', 'mailto:sekretariat@regionh.dk']);
    for (const kept of ['data', 'relativ', 'tab']) expect(hostile).toContain(`<p>${kept}</p>`);
  });
});

// ---- The outline: introduction, part headings, goals under their focus area, the PDF's table of contents. ----

describe('the agreement outline in the DOCX, the PDF and the HTML', () => {
  const structured: JSONContent = {
    type: 'doc',
    content: [
      section('PREAMBLE', 'Indledning til aftalen', p(text('Aftalen gælder 2024–2027.')), h(2, 'Baggrund')),
      section('VISION', 'Fælles populationsansvar', h(2, 'Mere lighed i sundhed')),
      section('FOCUS_AREA', 'Sammen om ældre', h(2, 'Indsatser')),
      section('GOAL', 'Færre genindlæggelser', h(2, 'Måltal')),
      section('GOAL', 'Flere hjemmebesøg'),
      section('FOCUS_AREA', 'Sammen om børn'),
      section('GOAL', 'Tidlig opsporing'),
      section('PRINCIPLE', 'Borgerne med fra start'),
      section('GOAL', 'Et mål uden fokusområde'),
      section('ANNEX', 'Det administrative tillæg'),
    ],
  };
  const EXPECTED: Array<[level: number, text: string]> = [
    [1, 'Indledning til aftalen'],
    [2, 'Baggrund'],
    [1, 'Visioner'],
    [2, '1. Fælles populationsansvar'],
    [3, '1.1 Mere lighed i sundhed'],
    [1, 'Fokusområder'],
    [2, '2. Sammen om ældre'],
    [3, '2.1 Indsatser'],
    [3, '2.2 Færre genindlæggelser'],
    [4, '2.2.1 Måltal'],
    [3, '2.3 Flere hjemmebesøg'],
    [2, '3. Sammen om børn'],
    [3, '3.1 Tidlig opsporing'],
    [1, 'Principper'],
    [2, '4. Borgerne med fra start'],
    [1, 'Mål'],
    [2, '5. Et mål uden fokusområde'],
    [1, 'Tillæg'],
    [2, '6. Det administrative tillæg'],
  ];

  it('DOCX: the introduction is not chapter "1.", part headings over each kind, goals under their focus area, Tillæg for the annex', async () => {
    const parts = await unzipDocx(await renderAgreementDocx(input({ doc: structured })));
    const headings = docxParagraphs(parts.document)
      .filter((paragraph) => headingLevel(paragraph.style) !== null)
      .map((paragraph) => [headingLevel(paragraph.style), paragraph.text]);
    expect(headings).toEqual(EXPECTED);
  });

  it('HTML: no "1." before the introduction, the part headings, a goal numbered under its focus area, the DOCX\'s numbers and levels', async () => {
    const page = renderAgreementHtml(input({ doc: structured }));
    const headings = htmlHeadings(page);
    expect(headings[0]).toEqual([1, 'Indledning til aftalen']);
    expect(page).toMatch(/<section class="agreement-section" id="indledning" data-kind="PREAMBLE">\s*<p class="section-kind">Indledning<\/p>\s*<h1>Indledning til aftalen<\/h1>/);
    for (const part of ['Visioner', 'Fokusområder', 'Mål', 'Principper', 'Tillæg']) {
      expect(page).toMatch(new RegExp(`<h1 class="part-heading" id="[^"]+">${part}</h1>`));
    }
    expect(page).toMatch(/<section class="agreement-section" id="afsnit-2-2" data-kind="GOAL">\s*<p class="section-kind">Mål<\/p>\s*<h3><span class="heading-number">2\.2<\/span> Færre genindlæggelser<\/h3>/);
    expect(headings).toEqual(EXPECTED);
    expect(headings).toEqual(await docxHeadings(input({ doc: structured })));
    // No heading level is skipped on the way down, so a screen reader's outline holds together.
    headings.forEach(([level], index) => expect(level).toBeLessThanOrEqual((headings[index - 1]?.[0] ?? 0) + 1));
  });

  it('PDF: a table of contents with the DOCX table of contents\' headings (levels 1–3), each with the page it is on', async () => {
    const pdf = await renderAgreementPdf(input({ doc: structured }));
    const pages = pdfText(pdf, { layout: true }).split('\f');
    const tocPage = pages.findIndex((page) => page.includes('Indholdsfortegnelse'));
    expect(tocPage).toBe(1);
    const entries = pages[tocPage]
      .split('\n')
      // The page footer is not an entry.
      .filter((line) => !line.includes(' · side '))
      .map((line) => /^(.*?)[ .]*\s(\d+)$/.exec(line.trim()))
      .filter((match): match is RegExpExecArray => match !== null)
      .map((match) => ({ text: match[1].trim(), page: Number(match[2]) }));
    expect(entries.map((entry) => entry.text)).toEqual(EXPECTED.filter(([level]) => level <= 3).map(([, title]) => title));
    for (const entry of entries) {
      expect(entry.page).toBeGreaterThan(tocPage + 1);
      expect(pages[entry.page - 1].split('\n').map((line) => line.trim())).toContain(entry.text);
    }
    // Each part starts on a page of its own.
    for (const part of ['Visioner', 'Fokusområder', 'Principper', 'Mål', 'Tillæg']) {
      expect(pages[entries.find((entry) => entry.text === part)!.page - 1].trim().startsWith(part)).toBe(true);
    }
  });
});

