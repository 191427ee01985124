import { AccessModule } from '../access/access.module';
import { Module } from '@nestjs/common';
import { AgreementsModule } from '../agreements/agreements.module';
import { AuditModule } from '../audit/audit.module';
import { DraftCommentsModule } from '../draft-comments/draft-comments.module';
import { DraftsModule } from '../drafts/drafts.module';
import { WordExportService } from './word-export.service';
import { WordFilesController } from './word-files.controller';
import { WordImportService } from './word-import.service';
import { WordSuggestionsService } from './word-suggestions.service';
import './word.scopes';

/** Word round-trip: DOCX import into drafts; DOCX, comparison DOCX and HTML export. */
@Module({
  imports: [AgreementsModule, AccessModule, AuditModule, DraftCommentsModule, DraftsModule],
  controllers: [WordFilesController],
  providers: [WordImportService, WordExportService, WordSuggestionsService],
})
export class WordModule {}
