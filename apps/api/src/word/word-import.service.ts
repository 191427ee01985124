import { isCalendarDate } from '@aftalerum/dates';
import { collectSections, draftSchema, JSONContent, SectionKind } from '@aftalerum/editor';
import { Node } from '@tiptap/pm/model';
import { Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { AuthUser } from '../users/auth-user';
import { AgreementsService } from '../agreements/agreements.service';
import { VersionsService } from '../agreements/versions.service';
import { badInput } from '../common/domain-error';
import { parseStorableJson } from '../common/input-text';
import { ConfirmImportBody } from './dtos/confirm-import.body';
import { ImportedDocx, readDocx } from './docx-reader';
import { buildDraft, ImportKind, isImportKind, suggestKinds } from './section-mapping';

export interface UploadedDocx {
  buffer: Buffer;
  /** The name the browser gave, already decoded. */
  filename: string;
}

export interface ImportPreview {
  /** The file's SHA-256: send it back with the file to confirm the import. */
  importId: string;
  filename: string;
  headings: Array<{ index: number; text: string; level: number; suggestedKind: ImportKind; excerpt: string }>;
  /** Number of top-level blocks (headings, paragraphs, lists, tables) found. */
  blocks: number;
  /** Whether text comes before the first heading (it becomes a section of its own). */
  leadingText: boolean;
  warnings: string[];
}

export interface ImportResult {
  agreementId: string;
  title: string;
  /** True when a new agreement was made; false when an existing one got a new draft. */
  created: boolean;
  /** The number of the version that keeps the replaced draft, for an existing agreement. */
  safetyVersionNumber: number | null;
  sections: Array<{ kind: SectionKind; title: string }>;
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** Imports Word documents as agreement drafts: a preview to confirm, then the import. */
@Injectable()
export class WordImportService {
  private readonly logger = new Logger(WordImportService.name);

  constructor(
    private readonly agreements: AgreementsService,
    private readonly versions: VersionsService,
  ) {}

  /** Reads the document and proposes a kind for each heading, for a person to confirm. */
  async preview(file: UploadedDocx): Promise<ImportPreview> {
    const imported = await readDocx(file.buffer);
    const kinds = suggestKinds(imported.headings);
    // Build once with the suggestions, so a document the draft cannot hold fails now, not on confirm.
    this.validated(buildDraft(imported, kinds, 'Indledning'));
    return {
      importId: sha256(file.buffer),
      filename: file.filename,
      headings: imported.headings.map((heading) => ({
        index: heading.index,
        text: heading.text,
        level: heading.level,
        suggestedKind: kinds[heading.index],
        excerpt: heading.excerpt,
      })),
      blocks: imported.blocks.length,
      leadingText: imported.headings.length === 0 || imported.headings[0].blockIndex > 0,
      warnings: imported.warnings,
    };
  }

  /**
   * Imports the document with the kinds the person chose: as the draft of a new agreement, or
   * as a new draft of an existing one (after freezing its current draft as a safety version).
   * Only the secretariat of the agreement's region may.
   */
  async confirm(user: AuthUser, file: UploadedDocx, body: ConfirmImportBody, requestId: string | null): Promise<ImportResult> {
    if (sha256(file.buffer) !== body.importId) {
      throw badInput('Filen er ikke den samme som i forhåndsvisningen. Vælg filen igen, og bekræft afsnittene på ny.');
    }
    const imported = await readDocx(file.buffer);
    const kinds = this.kinds(body.kinds, imported);

    if (body.target === 'NEW_AGREEMENT') {
      const title = (body.title ?? '').trim();
      const content = this.validated(buildDraft(imported, kinds, title));
      const agreement = await this.agreements.create(
        user,
        {
          regionId: body.regionId ?? '',
          title,
          periodStart: Number(body.periodStart),
          periodEnd: Number(body.periodEnd),
          effectiveDate: validDate(body.effectiveDate ?? ''),
        },
        requestId,
        content,
      );
      this.logger.log(`Imported ${file.filename} as new agreement ${agreement.id}`);
      return { agreementId: agreement.id, title: agreement.title, created: true, safetyVersionNumber: null, sections: sectionsOf(content) };
    }

    const content = this.validated(buildDraft(imported, kinds, 'Indledning'));
    const { agreement, safetyVersion } = await this.versions.replaceDraft(
      user,
      body.agreementId ?? '',
      content,
      {
        safetyLabel: `Før import af ${file.filename}`.slice(0, 200),
        action: 'draft.import',
        data: { filename: file.filename, sections: (content.content ?? []).length },
      },
      requestId,
    );
    this.logger.log(`Imported ${file.filename} as a new draft of agreement ${agreement.id}`);
    return {
      agreementId: agreement.id,
      title: agreement.title,
      created: false,
      safetyVersionNumber: safetyVersion.number,
      sections: sectionsOf(content),
    };
  }

  private kinds(raw: string, imported: ImportedDocx): ImportKind[] {
    // Depth, NUL and surrogates are refused before parsing; then the shape is checked.
    const parsed = parseStorableJson(raw, 'kinds', { maxLength: 200_000 });
    if (!Array.isArray(parsed) || !parsed.every(isImportKind)) {
      throw badInput('Afsnitsinddelingen kunne ikke læses. Vælg en type for hver overskrift, og prøv igen.');
    }
    if (parsed.length !== imported.headings.length) {
      throw badInput('Afsnitsinddelingen passer ikke til dokumentet. Indlæs filen igen, og vælg afsnittene på ny.');
    }
    return parsed;
  }

  private validated(content: JSONContent): JSONContent {
    try {
      Node.fromJSON(draftSchema(), content).check();
    } catch (error) {
      this.logger.warn(`Imported document does not fit the draft schema: ${(error as Error).message}`);
      throw badInput('Dokumentet har en opbygning, som udkastet ikke kan rumme. Gem det som .docx igen i Word, og prøv igen, eller kontakt support.');
    }
    return content;
  }
}

const sectionsOf = (content: JSONContent) => collectSections(content).map(({ kind, title }) => ({ kind, title }));

function validDate(value: string): string {
  if (!isCalendarDate(value)) {
    throw badInput('Ikrafttrædelsesdatoen er ikke en gyldig dato. Angiv den som ÅÅÅÅ-MM-DD.');
  }
  return value;
}
