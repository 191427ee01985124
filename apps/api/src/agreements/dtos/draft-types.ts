import { BlockChangeKind, BlockChange as DraftBlockChange, WordChange as DraftWordChange, WordChangeKind } from '@aftalerum/editor';
import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum SectionKindEnum {
  PREAMBLE = 'PREAMBLE',
  VISION = 'VISION',
  FOCUS_AREA = 'FOCUS_AREA',
  PRINCIPLE = 'PRINCIPLE',
  GOAL = 'GOAL',
  ANNEX = 'ANNEX',
  OTHER = 'OTHER',
}
registerEnumType(SectionKindEnum, { name: 'SectionKind' });

// The comparison itself is the editor library's (compareDrafts); these are its GraphQL names.
// UNCHANGED is what a comparison of all blocks leaves out, but what a hearing comment's or a
// cluster input's paragraph may be (HearingComment.change, ClusterInputItem.change).
export const TracedChangeKind = { ...BlockChangeKind, UNCHANGED: 'UNCHANGED' } as const;
export type TracedChangeKind = (typeof TracedChangeKind)[keyof typeof TracedChangeKind];
registerEnumType(TracedChangeKind, {
  name: 'BlockChangeKind',
  valuesMap: { UNCHANGED: { description: 'In both versions with the same text (only for a comment’s or an input’s paragraph).' } },
});

registerEnumType(WordChangeKind, { name: 'WordChangeKind' });

@ObjectType({ description: 'A top-level section of the draft: its heading and what follows it.' })
export class Section {
  @Field(() => ID)
  blockId!: string;

  @Field(() => SectionKindEnum)
  kind!: SectionKindEnum;

  @Field()
  title!: string;

  @Field()
  text!: string;

  @Field(() => ID, { nullable: true, description: 'For a goal (mål): the focus area it belongs to, the one before it in the draft.' })
  focusAreaId!: string | null;
}

@ObjectType({ description: 'A paragraph, heading, list item or table cell, with its stable id.' })
export class Block {
  @Field(() => ID)
  blockId!: string;

  @Field()
  type!: string;

  @Field()
  text!: string;

  @Field(() => ID, { nullable: true, description: 'The section the block is in.' })
  sectionId!: string | null;
}

@ObjectType()
export class WordChange implements DraftWordChange {
  @Field(() => WordChangeKind)
  kind!: WordChangeKind;

  @Field()
  text!: string;
}

@ObjectType()
export class BlockChange implements Omit<DraftBlockChange, 'change'> {
  @Field(() => ID)
  blockId!: string;

  @Field(() => TracedChangeKind)
  change!: TracedChangeKind;

  @Field()
  type!: string;

  @Field(() => String, { nullable: true })
  before!: string | null;

  @Field(() => String, { nullable: true })
  after!: string | null;

  @Field(() => String, { nullable: true })
  sectionTitle!: string | null;

  @Field(() => [WordChange], { description: 'Word-level changes of a CHANGED block.' })
  words!: WordChange[];
}
