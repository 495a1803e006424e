import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { DOCUMENTS_OPTIONS, DocumentsOptions } from './documents.options';
import { DocumentsService } from './documents.service';
import { DocumentAnalysisRecord } from './document-analysis.entity';
import { StoredDocument } from './stored-document.entity';

@Module({
  imports: [TypeOrmModule.forFeature([StoredDocument, DocumentAnalysisRecord])],
  providers: [
    DocumentsService,
    {
      provide: DOCUMENTS_OPTIONS,
      inject: [AppConfig],
      useFactory: (config: AppConfig): DocumentsOptions => ({ maxBytes: config.DOCUMENT_MAX_BYTES }),
    },
  ],
  exports: [DocumentsService],
})
export class DocumentsModule {}
