import { collectBlocks, collectSections } from '@aftalerum/editor';
import JSZip from 'jszip';
import { agreementSkeleton } from '../agreements/draft-template';
import { InputOutcome } from './input-item-assessment.entity';
import { inputSummaryDocx, itemsBySection, SummaryItem } from '../documents/docx/input-summary';
import { buildMatrix, NO_SECTION_TITLE } from '../documents/input-matrix';
import { locateItem, sectionIndex } from './input-round-summary';

describe('input round summary', () => {
  const content = agreementSkeleton('Sundhedsaftale 2024–2027');
  const sections = collectSections(content);
  const blocks = collectBlocks(content);
  const children = sections.find((s) => s.title === 'Sammen om børn og unges sundhed');
  const vision = sections.find((s) => s.kind === 'VISION');
  const equality = blocks.find((b) => b.text === 'Mere lighed i sundhed');
  const live = sectionIndex(content);

  it('places a section id, and any block inside a section, in that section', () => {
    expect(children && equality && vision).toBeTruthy();
    expect(locateItem({ blockId: children?.blockId ?? '', storedSectionId: null, storedSectionTitle: null }, live)).toEqual({
      id: children?.blockId,
      title: 'Sammen om børn og unges sundhed',
      kind: 'FOCUS_AREA',
      live: true,
    });
    expect(locateItem({ blockId: equality?.blockId ?? '', storedSectionId: null, storedSectionTitle: null }, live)).toMatchObject({ id: vision?.blockId, kind: 'VISION', live: true });
    expect(locateItem({ blockId: null, storedSectionId: null, storedSectionTitle: null }, live)).toBeNull();
  });

  it('falls back to the stored section when the block has left the draft', () => {
    expect(locateItem({ blockId: 'gone', storedSectionId: vision?.blockId ?? '', storedSectionTitle: 'Fælles populationsansvar' }, live)).toMatchObject({ id: vision?.blockId, live: false });
    expect(locateItem({ blockId: 'gone', storedSectionId: 'gone-too', storedSectionTitle: 'Et gammelt afsnit' }, live)).toEqual({
      id: 'gone-too',
      title: 'Et gammelt afsnit',
      kind: 'OTHER',
      live: false,
    });
  });

  it('counts participants × sections in document order, with a column for general items, and groups themes', () => {
    const at = (id: string | undefined) => (id ? live.get(id) : undefined);
    const section = (id: string | undefined) => {
      const s = at(id);
      return s ? { id: s.blockId, title: s.title, kind: s.kind, live: true } : null;
    };
    const matrix = buildMatrix(
      sections,
      [
        { name: 'Sundhedsklynge Midt', organisationId: 'midt', clusterId: 'c-midt', submitted: true },
        { name: 'Sundhedsklynge Byen', organisationId: 'byen', clusterId: 'c-byen', submitted: true },
        { name: 'Sundhedsklynge Nord', organisationId: 'nord', clusterId: 'c-nord', submitted: false },
      ],
      [
        { organisationId: 'midt', theme: 'Forebyggelse', section: null },
        { organisationId: 'byen', theme: ' forebyggelse ', section: section(vision?.blockId) },
        { organisationId: 'byen', theme: 'Børn og unges mentale trivsel', section: section(children?.blockId) },
        { organisationId: 'byen', theme: 'Lighed i sundhed', section: section(equality?.blockId) },
        { organisationId: 'stranger', theme: 'Ikke med', section: null },
      ],
    );
    expect(matrix.sections.map((s) => s.title)).toEqual([...sections.map((s) => s.title), NO_SECTION_TITLE]);
    const column = (title: string) => matrix.sections.findIndex((s) => s.title === title);
    const byen = matrix.rows.find((r) => r.name === 'Sundhedsklynge Byen');
    expect(byen?.counts[column('Fælles populationsansvar')]).toBe(2);
    expect(byen?.counts[column('Sammen om børn og unges sundhed')]).toBe(1);
    expect(matrix.rows.find((r) => r.name === 'Sundhedsklynge Midt')?.counts[column(NO_SECTION_TITLE)]).toBe(1);
    expect(matrix.rows.find((r) => r.name === 'Sundhedsklynge Nord')).toMatchObject({ total: 0, submitted: false });
    expect(matrix.total).toBe(4);
    expect(matrix.sections[column('Fælles populationsansvar')].total).toBe(2);
    expect(matrix.themes[0]).toEqual({ theme: 'Forebyggelse', count: 2, participants: ['Sundhedsklynge Byen', 'Sundhedsklynge Midt'] });
  });

  it('writes a Word document with every participant, the items by section and their assessments', async () => {
    const item = (participantName: string, theme: string, id: string | undefined): SummaryItem => {
      const s = id ? live.get(id) : undefined;
      return { participantName, theme, text: `${theme} – uddybning.`, level: null, section: s ? { id: s.blockId, title: s.title, kind: s.kind, live: true } : null, assessment: null };
    };
    const model = {
      agreementTitle: 'Sundhedsaftale 2024–2027',
      roundTitle: 'Klyngernes ønsker',
      description: null,
      askedAbout: 'det levende udkast',
      deadline: new Date('2023-02-01T22:59:00Z'),
      generatedAt: new Date('2023-02-02T09:00:00Z'),
      sections,
      participants: [
        { name: 'Sundhedsklynge Byen', deadline: new Date('2023-02-01T22:59:00Z'), submittedAt: new Date('2023-01-31T14:40:00Z'), number: 1, meetingDate: '2023-01-10', meetingItem: 'Punkt 3', items: 2 },
        { name: 'Sundhedsklynge Nord', deadline: new Date('2023-02-01T22:59:00Z'), submittedAt: null, number: null, meetingDate: null, meetingItem: null, items: 0 },
      ],
      items: [
        { ...item('Sundhedsklynge Byen', 'Børn og unges mentale trivsel', children?.blockId), assessment: { outcome: InputOutcome.INCORPORATED, reason: 'Skrevet ind.', versionLabel: 'version 1: Høringsudkast' } },
        item('Sundhedsklynge Byen', 'Fleksibilitet', undefined),
      ],
    };
    expect(itemsBySection(sections, model.items).map((g) => g.title)).toEqual(['Sammen om børn og unges sundhed', NO_SECTION_TITLE]);
    const zip = await JSZip.loadAsync(await inputSummaryDocx(model));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    for (const text of ['Sundhedsklynge Byen', 'Sundhedsklynge Nord', 'Ikke indsendt', 'Fokusområde: Sammen om børn og unges sundhed', 'Indarbejdet: ', 'Skrevet ind.', 'Ikke vurderet endnu.', 'Mangler: Sundhedsklynge Nord.']) {
      expect(xml).toContain(text);
    }
  });
});
