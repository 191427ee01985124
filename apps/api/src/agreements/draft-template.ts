import type { JSONContent, SectionKind } from '@aftalerum/editor';
import { randomUUID } from 'node:crypto';

const paragraph = (text: string): JSONContent => ({
  type: 'paragraph',
  attrs: { blockId: randomUUID() },
  content: text ? [{ type: 'text', text }] : undefined,
});

const heading = (text: string, level: number): JSONContent => ({
  type: 'heading',
  attrs: { blockId: randomUUID(), level },
  content: [{ type: 'text', text }],
});

const section = (kind: SectionKind, title: string, ...blocks: JSONContent[]): JSONContent => ({
  type: 'section',
  attrs: { kind, blockId: randomUUID() },
  content: [heading(title, 1), ...blocks],
});

const PLACEHOLDER = 'Tekst følger. Sekretariatet skriver her.';

/** The four visions under the shared population responsibility (framework paper, 2024–2027). */
export const VISIONS = [
  'Mere sammenhæng i borgerens forløb',
  'Mere lighed i sundhed',
  'Mere samspil med borgeren',
  'Mere sundhed for pengene',
];

export const FOCUS_AREAS = [
  'Sammen om ældre og borgere med kronisk sygdom',
  'Sammen om borgere med psykisk sygdom',
  'Sammen om børn og unges sundhed',
];

export const PRINCIPLES = [
  'Borgerne med fra start',
  'Helhedssyn',
  'Samme høje kvalitet',
  'Effektiv ressourceudnyttelse',
  'Fælles kompetenceudvikling',
  'Klar opgave- og ansvarsfordeling',
  'Sammenhængskraft',
  'Fælles ansvar for borgernes sundhed',
];

/**
 * The section skeleton of a new health agreement: the vision heading on the shared
 * population responsibility with the four visions, the three focus areas and the eight
 * principles, each with a line of placeholder text. Every block gets a fresh id.
 */
export function agreementSkeleton(title: string): JSONContent {
  return {
    type: 'doc',
    content: [
      section(
        'PREAMBLE',
        title,
        paragraph(
          'Sundhedsaftalen er den politiske ramme for samarbejdet mellem regionen, kommunerne og almen praksis om borgernes sundhed.',
        ),
      ),
      section(
        'VISION',
        'Fælles populationsansvar',
        paragraph('Vi tager sammen ansvar for hele befolkningens sundhed, på tværs af sektorer.'),
        ...VISIONS.flatMap((vision) => [heading(vision, 2), paragraph(PLACEHOLDER)]),
      ),
      ...FOCUS_AREAS.map((area) =>
        section('FOCUS_AREA', area, paragraph(PLACEHOLDER), paragraph('Forebyggelse går på tværs af alle tre fokusområder.')),
      ),
      ...PRINCIPLES.map((principle) => section('PRINCIPLE', principle, paragraph(PLACEHOLDER))),
    ],
  };
}
