import { collectBlocks, JSONContent } from '@aftalerum/editor';
import { AnchorCandidate } from './anchor-suggestions';

/**
 * The blocks of a version a comment can point to (headings and paragraphs, as the response form
 * offers them), each with the heading it stands under as context.
 */
export function anchorCandidates(content: JSONContent): Array<AnchorCandidate & { sectionTitle: string | null }> {
  const out: Array<AnchorCandidate & { sectionTitle: string | null }> = [];
  let sectionId: string | null = null;
  let sectionTitle: string | null = null;
  let heading: string | null = null;
  for (const block of collectBlocks(content)) {
    if (block.sectionId !== sectionId) {
      sectionId = block.sectionId;
      sectionTitle = null;
      heading = null;
    }
    if (block.type === 'heading') {
      if (sectionTitle === null) sectionTitle = block.text;
      out.push({ blockId: block.blockId, text: block.text, context: sectionTitle === block.text ? null : sectionTitle, sectionTitle });
      heading = block.text;
    } else if (block.type === 'paragraph' && block.text.trim()) {
      out.push({ blockId: block.blockId, text: block.text, context: heading, sectionTitle });
    }
  }
  return out;
}
