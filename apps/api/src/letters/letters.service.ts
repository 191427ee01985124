import { Injectable } from '@nestjs/common';
import { ScopedData } from '../access/scoped-data';
import { forbidden, notFound } from '../common/domain-error';
import { Hearing } from '../hearings/hearing.entity';
import { HearingsService } from '../hearings/hearings.service';
import type { AuthUser } from '../users/auth-user';
import { anchorCandidates } from './anchor-candidates';
import { AnchorIndex } from './anchor-suggestions';
import { readLetter } from './letter-reader';
import { splitLetter } from './letter-points';
import { LetterSplit } from './letter-types';

type Candidates = ReturnType<typeof anchorCandidates>;

@Injectable()
export class LettersService {
  /** A frozen version's blocks never change: its index is built once. */
  private readonly indexes = new Map<string, { index: AnchorIndex; candidates: Map<string, Candidates[number]> }>();

  constructor(
    private readonly hearings: HearingsService,
    private readonly scoped: ScopedData,
  ) {}

  /**
   * Reads an uploaded letter (an attachment the caller may read) and splits it into points, each
   * with the three most likely paragraphs of the hearing draft. For whoever may file a response
   * to the hearing: its secretariat (on an organisation's behalf) and the invited organisations.
   */
  async split(user: AuthUser, hearingId: string, attachmentId: string): Promise<LetterSplit> {
    const hearing = await this.scoped.one(user, 'hearing', hearingId);
    if (!this.scoped.mayActInHearing(user, hearing.id)) throw forbidden('Din konto kan kun bruges til den høring, invitationen gjaldt.');
    const attachment = await this.hearings.attachmentWithData(await this.scoped.one(user, 'attachment', attachmentId));
    const text = await readLetter(attachment.data);
    const { index, candidates } = await this.indexOf(hearing);
    return {
      attachmentId: attachment.id,
      points: splitLetter(text).map((point) => ({
        ...point,
        suggestions: index.suggest(point.heading ? `${point.heading}. ${point.text}` : point.text).map((s) => {
          const block = candidates.get(s.blockId) as Candidates[number];
          return { blockId: s.blockId, score: s.score, text: block.text, sectionTitle: block.sectionTitle };
        }),
      })),
    };
  }

  private async indexOf(hearing: Hearing) {
    const versionId = hearing.versionId;
    let entry = this.indexes.get(versionId);
    if (!entry) {
      const version = await this.hearings.version(hearing);
      if (!version) throw notFound('Høringsudkastet');
      const candidates = anchorCandidates(version.content);
      entry = { index: new AnchorIndex(candidates), candidates: new Map(candidates.map((c) => [c.blockId, c])) };
      if (this.indexes.size >= 50) this.indexes.delete(this.indexes.keys().next().value as string);
      this.indexes.set(versionId, entry);
    }
    return entry;
  }
}
