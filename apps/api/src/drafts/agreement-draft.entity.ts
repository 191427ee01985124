import type { JSONContent } from '@aftalerum/editor';
import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** The live draft: Yjs state and the JSON and text derived from it, stored together. */
@Entity({ name: 'agreement_drafts' })
export class AgreementDraft {
  @PrimaryColumn({ name: 'agreement_id', type: 'uuid' })
  agreementId!: string;

  @Column({ type: 'bytea' })
  ydoc!: Buffer;

  @Column({ type: 'jsonb' })
  content!: JSONContent;

  @Column({ type: 'text' })
  text!: string;

  @Column({ name: 'content_hash', type: 'text' })
  contentHash!: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
