// Types only: importing values from @aftalerum/editor would pull Tiptap into these screens
// (the public page and the invitation are opened by people without an account, often on phones).
import type { JSONContent, SectionKind } from '@aftalerum/editor';

/** Danish names of the section kinds (as SECTION_KIND_LABELS in @aftalerum/editor). */
export const SECTION_KIND_NAMES: Record<SectionKind, string> = {
  PREAMBLE: 'Indledning',
  VISION: 'Vision',
  FOCUS_AREA: 'Fokusområde',
  PRINCIPLE: 'Princip',
  GOAL: 'Mål',
  ANNEX: 'Tillæg',
  OTHER: 'Andet',
};

export const isSectionKind = (value: unknown): value is SectionKind => typeof value === 'string' && Object.hasOwn(SECTION_KIND_NAMES, value);

/** The plain text of a node, as textOf in @aftalerum/editor (the server checks quotes against it). */
export function textOf(node: JSONContent): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return '\n';
  const children = node.content ?? [];
  const isBlockContainer = children.some((child) => child.type !== 'text' && child.type !== 'hardBreak');
  return children.map(textOf).join(isBlockContainer ? '\n' : '');
}

/** A paragraph or heading of the hearing draft that can be commented on. */
export interface DraftBlockInfo {
  blockId: string;
  type: 'heading' | 'paragraph';
  text: string;
  /** The nearest heading above the block (the block itself for a heading). */
  heading: string | null;
  /** The title of the top-level section the block is in. */
  sectionTitle: string | null;
  /** A short description that tells the block apart from every other, e.g. 'afsnittet »Vi tager …« under »Vision«'. */
  label: string;
}

/** The draft's ProseMirror JSON, or null when it cannot be read. */
export function parseDraft(content: string): JSONContent | null {
  try {
    const doc = JSON.parse(content) as JSONContent;
    return doc && typeof doc === 'object' ? doc : null;
  } catch {
    return null;
  }
}

/** A text cut to `length` characters at a word boundary, with an ellipsis. */
export function excerpt(text: string, length = 60): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= length) return clean;
  const cut = clean.slice(0, length);
  const space = cut.lastIndexOf(' ');
  return `${(space > length * 0.6 ? cut.slice(0, space) : cut).replace(/[,.;:–-]+$/, '')}…`;
}

const blockIdOf = (node: JSONContent): string | null => {
  const id = node.attrs?.blockId;
  return typeof id === 'string' && id ? id : null;
};

/** Every paragraph and heading of the draft with an id, in document order, each with a label no other block has. */
export function draftBlocks(doc: JSONContent | null): DraftBlockInfo[] {
  if (!doc) return [];
  const blocks: Array<Omit<DraftBlockInfo, 'label'> & { base: string }> = [];
  for (const section of doc.content ?? []) {
    let sectionTitle: string | null = null;
    let heading: string | null = null;
    const visit = (node: JSONContent) => {
      const id = blockIdOf(node);
      if ((node.type === 'heading' || node.type === 'paragraph') && id) {
        const text = textOf(node);
        if (node.type === 'heading') {
          heading = text;
          sectionTitle ??= text;
        }
        blocks.push({
          blockId: id,
          type: node.type,
          text,
          heading,
          sectionTitle,
          base: node.type === 'heading' ? `overskriften »${excerpt(text)}«` : `afsnittet »${excerpt(text)}«`,
        });
        return;
      }
      for (const child of node.content ?? []) visit(child);
    };
    visit(section);
  }
  const count = (labels: string[]) => labels.reduce((map, l) => map.set(l, (map.get(l) ?? 0) + 1), new Map<string, number>());
  const baseCount = count(blocks.map((b) => b.base));
  const withHeading = blocks.map((b) => (baseCount.get(b.base)! > 1 && b.type === 'paragraph' && b.heading ? `${b.base} under »${excerpt(b.heading, 50)}«` : b.base));
  const headingCount = count(withHeading);
  const seen = new Map<string, number>();
  return blocks.map(({ base: _base, ...block }, index) => {
    let label = withHeading[index];
    if (headingCount.get(label)! > 1) {
      const n = (seen.get(label) ?? 0) + 1;
      seen.set(label, n);
      label = `${label} (nr. ${n})`;
    }
    return { ...block, label };
  });
}
