import { AccessModule } from '../access/access.module';
import { Module } from '@nestjs/common';
import { AgreementsModule } from '../agreements/agreements.module';
import { WordExportService } from './word-export.service';
import { WordFilesController } from './word-files.controller';
import { WordImportService } from './word-import.service';

/** Word round-trip: DOCX import into drafts; DOCX, comparison DOCX and HTML export. */
@Module({
  imports: [AgreementsModule, AccessModule],
  controllers: [WordFilesController],
  providers: [WordImportService, WordExportService],
})
export class WordModule {}
