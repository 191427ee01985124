import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CommentOutcome } from './hearing-comment.entity';

/** A theme of a hearing's comments (its members are in hearing_theme_comments). */
@Entity({ name: 'hearing_themes' })
export class HearingThemeRow {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'hearing_id', type: 'uuid' })
  hearingId!: string;

  @Column({ type: 'text' })
  label!: string;

  @Column({ type: 'text', array: true })
  terms!: string[];

  @Column({ type: 'int' })
  position!: number;

  @Column({ type: 'boolean' })
  renamed!: boolean;
}

/** A campaign of near-identical responses (its members are in hearing_campaign_responses). */
@Entity({ name: 'hearing_campaigns' })
export class HearingCampaignRow {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'hearing_id', type: 'uuid' })
  hearingId!: string;

  @Column({ name: 'sample_text', type: 'text' })
  sampleText!: string;

  @Column({ type: 'int' })
  position!: number;
}

/** A reply the secretariat of a region saved to reuse. */
@Entity({ name: 'reply_templates' })
export class ReplyTemplateRow {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'region_id', type: 'uuid' })
  regionId!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'text', nullable: true })
  outcome!: CommentOutcome | null;
}
