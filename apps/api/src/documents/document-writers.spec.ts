import { BlockChangeKind, collectSections, compareDrafts, JSONContent, WordChangeKind } from '@aftalerum/editor';
import { pdfFonts, pdfText } from '../../test/poppler';
import { EVERY_CONTROL_CHARACTER, parseEveryXmlPart, withControls } from '../../test/strict-xml';
import { agreementSkeleton } from '../agreements/draft-template';
import { renderAgreementPdf } from './pdf/agreement';
import { renderAgreementDocx } from './docx/agreement';
import { renderAgreementHtml } from './html/agreement';
import { renderComparisonDocx } from './docx/comparison';
import { CommentOutcome } from '../hearings/hearing-comment.entity';
import { memoDocx } from './docx/memo';
import { memoHtml } from './html/memo';
import { MemoModel } from './memo';
import { memoPdf } from './pdf/memo';
import { receiptPdf } from './pdf/receipt';
import { InputOutcome } from '../input-rounds/input-item-assessment.entity';
import { inputSummaryDocx, InputSummaryModel } from './docx/input-summary';

// Every writer gets people's text with every control character in it (and Word's manual line
// break, \u000b, between two lines), and must write a file a strict reader accepts.

const dirty = withControls;
const LINES = 'Linje et\u000bLinje to\u0001 slut';
/** What no DOCX, PDF or HTML file may contain, C1 controls included (see safe-text.ts). */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The draft of the agreement with controls in every text and in a link. */
function dirtyDraft(): JSONContent {
  const dirtyNode = (node: JSONContent): JSONContent => ({
    ...node,
    ...(node.text !== undefined ? { text: dirty(node.text) } : {}),
    ...(node.content ? { content: node.content.map(dirtyNode) } : {}),
  });
  const draft = dirtyNode(agreementSkeleton('Sundhedsaftale 2028–2031'));
  const firstSection = draft.content![0];
  firstSection.content!.push({
    type: 'paragraph',
    attrs: { blockId: 'p-controls' },
    content: [
      { type: 'text', text: LINES },
      { type: 'text', text: dirty('Sundhedsstyrelsen'), marks: [{ type: 'link', attrs: { href: `https://www.sst.dk/\u0001x` } }] },
    ],
  });
  return draft;
}

const draft = dirtyDraft();
const agreementInput = {
  title: dirty('Sundhedsaftale 2028–2031'),
  regionName: dirty('Region Hovedstaden'),
  periodStart: 2028,
  periodEnd: 2031,
  effectiveDate: '2028-01-01',
  versionLabel: dirty('Version 3 – Høringsudkast'),
  generatedAt: new Date('2027-10-01T10:00:00Z'),
  doc: draft,
};

const comment = (text: string) => ({
  organisationName: dirty('Gentofte Kommune'),
  reference: dirty('H-2027-0001'),
  quote: dirty('fælles ansvar'),
  text,
  reply: dirty('Tak, skrevet ind.'),
  outcome: CommentOutcome.INCORPORATED,
});

const memoModel: MemoModel = {
  agreementTitle: dirty('Sundhedsaftale 2028–2031'),
  hearingTitle: dirty('Offentlig høring'),
  versionLabel: dirty('version 3, Høringsudkast'),
  opensAt: new Date('2027-09-01T08:00:00Z'),
  closesAt: new Date('2027-10-01T10:00:00Z'),
  generatedAt: new Date('2027-10-02T10:00:00Z'),
  respondents: [
    { organisationName: dirty('Gentofte Kommune'), kindLabel: 'Kommune', reference: dirty('H-2027-0001'), receivedAt: new Date('2027-09-20T10:00:00Z'), late: false, summary: dirty('Generelt positive.'), comments: 2 },
  ],
  sections: [
    {
      title: dirty('Fælles populationsansvar'),
      blocks: [
        {
          text: dirty('Vi tager fælles ansvar.'),
          comments: [comment(LINES), comment(dirty('Anden bemærkning.'))],
          change: { kind: 'CHANGED', after: dirty('Vi tager fælles ansvar for alle.'), words: [{ kind: WordChangeKind.SAME, text: dirty('Vi tager fælles ansvar') }, { kind: WordChangeKind.ADDED, text: dirty(' for alle') }, { kind: WordChangeKind.SAME, text: '.' }] },
        },
      ],
    },
  ],
  notAnswered: [dirty('Herlev Kommune')],
  general: [comment(dirty('Generelt.'))],
  campaigns: [{ size: 3, senders: [dirty('Forening A'), 'Forening B', 'Forening C'], text: dirty('Luk ikke nærhospitalet.'), reply: dirty('Tak.'), outcome: 'NOTED' }],
  changes: [
    { blockId: 'b1', change: BlockChangeKind.CHANGED, type: 'paragraph', sectionTitle: dirty('Vision'), before: dirty('Før'), after: dirty('Efter') },
  ] as MemoModel['changes'],
  comparedWith: dirty('det nuværende udkast'),
  comparedVersionId: null,
};

const sections = collectSections(draft);
const summaryModel: InputSummaryModel = {
  agreementTitle: dirty('Sundhedsaftale 2028–2031'),
  roundTitle: dirty('Klyngernes ønsker'),
  description: dirty('Hvad skal med?'),
  askedAbout: dirty('det levende udkast'),
  deadline: new Date('2027-02-01T22:59:00Z'),
  generatedAt: new Date('2027-02-02T09:00:00Z'),
  sections,
  participants: [
    { name: dirty('Sundhedsklynge Byen'), deadline: new Date('2027-02-01T22:59:00Z'), submittedAt: new Date('2027-01-31T14:40:00Z'), number: 2, meetingDate: '2027-01-10', meetingItem: dirty('Punkt 3'), items: 1 },
    { name: dirty('Sundhedsklynge Nord'), deadline: new Date('2027-02-01T22:59:00Z'), submittedAt: null, number: null, meetingDate: null, meetingItem: null, items: 0 },
  ],
  items: [
    {
      participantName: dirty('Sundhedsklynge Byen'),
      theme: dirty('Forebyggelse'),
      text: LINES,
      level: null,
      section: { id: sections[0].blockId, title: sections[0].title, kind: sections[0].kind, live: true },
      assessment: { outcome: InputOutcome.PARTLY_INCORPORATED, reason: dirty('Delvist.'), versionLabel: dirty('version 1') },
    },
  ],
};

/** The lines of a PDF's text as a reader extracts them (pdftotext). */
const pdfTexts = (pdf: Buffer): string[] =>
  pdfText(pdf)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

describe('every document writer writes text with control characters as a valid file', () => {
  it('has every control character in the test text', () => {
    expect(EVERY_CONTROL_CHARACTER).toContain('\u000b');
    expect(EVERY_CONTROL_CHARACTER).toContain('\u0001');
    expect(FORBIDDEN.test(dirty('x'))).toBe(true);
  });

  it('the hearing memo as DOCX: every XML part parses strictly', async () => {
    const parts = await parseEveryXmlPart(await memoDocx(memoModel));
    expect(parts).toContain('word/document.xml');
  });

  it('the input summary as DOCX: every XML part parses strictly', async () => {
    const parts = await parseEveryXmlPart(await inputSummaryDocx(summaryModel));
    expect(parts).toContain('word/document.xml');
  });

  it('the comparison as DOCX: every XML part parses strictly', async () => {
    const before = agreementSkeleton('Sundhedsaftale 2028–2031');
    const data = await renderComparisonDocx({
      title: dirty('Sundhedsaftale'),
      regionName: dirty('Region Hovedstaden'),
      fromLabel: dirty('Version 1'),
      toLabel: dirty('Version 2'),
      from: before,
      to: draft,
      changes: compareDrafts(before, draft),
      author: dirty('Aftalerum'),
      changedAt: new Date('2027-03-01T10:00:00Z'),
      generatedAt: new Date('2027-03-02T10:00:00Z'),
    });
    await parseEveryXmlPart(data);
  });

  it('the agreement as DOCX: every XML part parses strictly', async () => {
    await parseEveryXmlPart(await renderAgreementDocx(agreementInput));
  });

  it('the memo and the agreement as HTML: no character outside XML 1.0 text, line breaks kept', () => {
    for (const html of [memoHtml(memoModel), renderAgreementHtml(agreementInput)]) {
      expect(html).not.toMatch(FORBIDDEN);
      expect(html).toMatch(/Linje et(<\/p><p>|<br>)Linje to slut/);
    }
  });

  it('the memo, the receipt and the agreement as PDF: controls removed, not drawn as "?", Word’s line break a new line', async () => {
    const memo = pdfTexts(await memoPdf(memoModel));
    expect(memo).toEqual(expect.arrayContaining(['Linje et', 'Linje to slut']));
    const receipt = pdfTexts(
      await receiptPdf({
        reference: dirty('H-2027-0001'),
        receivedAt: new Date('2027-09-20T10:00:00Z'),
        organisationName: dirty('Gentofte Kommune'),
        submittedByName: dirty('Anne Hansen'),
        hearingTitle: dirty('Offentlig høring'),
        agreementTitle: dirty('Sundhedsaftale'),
        senderName: dirty('Sekretariatet for Sundhedssamarbejdsudvalget (SSU), Region Hovedstaden'),
        versionLabel: dirty('version 3, Høringsudkast'),
        summary: LINES,
        comments: [{ about: dirty('Generel bemærkning'), quote: dirty('fælles ansvar'), text: LINES }],
        attachments: [dirty('bilag.pdf')],
        publish: true,
        late: false,
        sha256: 'a'.repeat(64),
      }),
    );
    expect(receipt).toEqual(expect.arrayContaining([expect.stringMatching(/^Organisation: Gentofte Kommune +Gentofte Kommune$/), expect.stringMatching(/^Bilag: bilag\.pdf +bilag\.pdf$/)]));
    const agreement = pdfTexts(await renderAgreementPdf(agreementInput));
    expect(agreement.join('')).toContain('Linje et');
    expect({ memo: memo.filter((t) => t.includes('?')), receipt: receipt.filter((t) => t.includes('?')), agreement: agreement.filter((t) => t.includes('?')) }).toEqual({ memo: [], receipt: [], agreement: [] });
  });
});

describe('every PDF sets its text in an embedded Unicode typeface', () => {
  const NAME = 'Łukasz Ørsted';
  const unicodeMemo: MemoModel = {
    ...memoModel,
    agreementTitle: 'Sundhedsaftale 2028–2031',
    respondents: [{ ...memoModel.respondents[0], organisationName: `${NAME}s forening` }],
    general: [{ ...comment('Tekst – med tankestreg.'), organisationName: NAME, quote: 'fælles ansvar' }],
    notAnswered: ['Søren Ærø'],
  };
  const receipt = () =>
    receiptPdf({
      reference: 'H-2027-0001',
      receivedAt: new Date('2027-09-20T10:00:00Z'),
      organisationName: 'Gentofte Kommune',
      submittedByName: NAME,
      hearingTitle: 'Offentlig høring – 2027',
      agreementTitle: 'Sundhedsaftale',
      senderName: 'Sekretariatet for Sundhedssamarbejdsudvalget (SSU), Region Hovedstaden',
      versionLabel: 'version 3, Høringsudkast',
      summary: 'Vi støtter aftalen – især • punkt ét.',
      comments: [{ about: 'Generel bemærkning', quote: 'fælles ansvar', text: `Fra ${NAME}.` }],
      attachments: [],
      publish: true,
      late: false,
      sha256: 'a'.repeat(64),
    });
  const agreement = () => {
    const doc = agreementSkeleton('Sundhedsaftale 2028–2031');
    doc.content![1].content!.push(
      { type: 'paragraph', attrs: { blockId: 'p-name' }, content: [{ type: 'text', text: `Skrevet af ${NAME} – »citat«.` }] },
      { type: 'bulletList', content: [{ type: 'listItem', attrs: { blockId: 'li-1' }, content: [{ type: 'paragraph', attrs: { blockId: 'li-p' }, content: [{ type: 'text', text: 'Første punkt' }] }] }] },
    );
    return renderAgreementPdf({ ...agreementInput, title: 'Sundhedsaftale 2028–2031', versionLabel: 'Version 3 – Høringsudkast', doc });
  };

  it.each([
    ['the memo', () => memoPdf(unicodeMemo), [`${NAME}s forening`, '»fælles ansvar«', 'Tekst – med tankestreg.', '• ', 'Sundhedsaftale 2028–2031']],
    ['the receipt', receipt, [`Indsendt af: ${NAME}`, '»fælles ansvar«', 'Vi støtter aftalen – især • punkt ét.']],
    ['the agreement', agreement, [`Skrevet af ${NAME} – »citat«.`, '•', 'Sundhedsaftale 2028–2031']],
  ] as Array<[string, () => Promise<Buffer>, string[]]>)('%s: every font embedded (pdffonts); »«, –, • and a name like Łukasz Ørsted extracted intact', async (_name, render, expected) => {
    const pdf = await render();
    const fonts = pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(font).toMatchObject({ embedded: true, subset: true, unicode: true, name: expect.stringMatching(/^[A-Z]{6}\+NotoSans-/) });
    const text = pdfText(pdf);
    for (const piece of expected) expect(text).toContain(piece);
    expect(text).not.toContain('?');
  });

  it('a character the typeface lacks becomes "?", never an invisible box', async () => {
    const text = pdfText(await memoPdf({ ...unicodeMemo, notAnswered: ['Foreningen 🙂', 'Søren Ærø'] }));
    expect(text).toContain('Ikke svaret: Foreningen ?, Søren Ærø.');
  });
});
