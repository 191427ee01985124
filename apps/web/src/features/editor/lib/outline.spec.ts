import { draftSchema } from '@aftalerum/editor';
import { Node } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { outlineOf } from './outline';

const section = (kind: string, id: string, title: string) => ({
  type: 'section',
  attrs: { kind, blockId: id },
  content: [{ type: 'heading', attrs: { level: 1, blockId: `${id}-h` }, content: [{ type: 'text', text: title }] }],
});

describe('outlineOf', () => {
  it('follows the document order, with each goal under its focus area', () => {
    const doc = Node.fromJSON(draftSchema(), {
      type: 'doc',
      content: [
        section('PREAMBLE', 'i', 'Indledning'),
        section('VISION', 'v', 'Fælles populationsansvar'),
        section('FOCUS_AREA', 'f1', 'Ældre'),
        section('GOAL', 'g1', 'Færre indlæggelser'),
        section('GOAL', 'g2', 'Flere i eget hjem'),
        section('FOCUS_AREA', 'f2', 'Psykisk sygdom'),
        section('PRINCIPLE', 'p', 'Helhedssyn'),
        section('GOAL', 'g3', 'Et mål for sig'),
        section('ANNEX', 'a', 'Det Administrative Tillæg'),
      ],
    });
    const outline = outlineOf(doc);
    expect(outline.map((g) => [g.label, g.sections.map((s) => [s.title, s.goals.map((goal) => goal.title)])])).toEqual([
      ['Indledning', [['Indledning', []]]],
      ['Visioner', [['Fælles populationsansvar', []]]],
      ['Fokusområder', [['Ældre', ['Færre indlæggelser', 'Flere i eget hjem']], ['Psykisk sygdom', []]]],
      ['Principper', [['Helhedssyn', []]]],
      ['Mål', [['Et mål for sig', []]]],
      ['Tillæg', [['Det Administrative Tillæg', []]]],
    ]);
  });
});
