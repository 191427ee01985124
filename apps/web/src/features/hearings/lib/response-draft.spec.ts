import { describe, expect, it } from 'vitest';
import type { DraftBlockInfo } from './draft';
import { draftContent, restoreDraft } from './response-draft';

const block = (blockId: string): DraftBlockInfo => ({ blockId, type: 'paragraph', text: 'Tekst', heading: null, sectionTitle: null, label: `afsnittet ${blockId}` });
const blocks = new Map([block('p1'), block('p2')].map((b) => [b.blockId, b]));

describe('draftContent and restoreDraft', () => {
  it('restore what was saved, with the time of the save', () => {
    const form = {
      v: 1 as const,
      summary: 'Generelt positive',
      publish: true,
      comments: [{ blockId: 'p2', quote: 'Tekst', text: 'Uddyb' }],
      attachments: [{ id: 'a1', filename: 'bilag.pdf', contentType: 'application/pdf', size: 1200 }],
    };
    const content = draftContent(form, new Date('2026-05-01T10:00:00Z'));
    expect(restoreDraft(content, blocks)).toEqual({ ...form, savedAt: '2026-05-01T10:00:00.000Z' });
  });

  it('drops comments on blocks that are not in this version of the draft', () => {
    const content = JSON.stringify({ comments: [{ blockId: 'gone', text: 'x' }, { blockId: 'p1', text: 'y' }, null] });
    expect(restoreDraft(content, blocks)?.comments).toEqual([{ blockId: 'p1', quote: '', text: 'y' }]);
  });

  it('reads a damaged or missing draft as no draft, and wrong field types as empty', () => {
    expect(restoreDraft(null, blocks)).toBeNull();
    expect(restoreDraft('{not json', blocks)).toBeNull();
    expect(restoreDraft('42', blocks)).toBeNull();
    expect(restoreDraft(JSON.stringify({ summary: 7, publish: 'yes', attachments: [{ id: 1 }] }), blocks)).toEqual({
      v: 1,
      savedAt: '',
      summary: '',
      publish: false,
      comments: [],
      attachments: [],
    });
  });
});
