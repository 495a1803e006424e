import { Inject, Injectable } from '@nestjs/common';
import { analyzeLetter, explainLetter } from '../../documents/analysis';
import type { LetterAnalysis } from '../../documents/analysis/letter-analysis.types';
import type { OcrDocument } from '../../documents/analysis/ocr-document.types';
import { DocumentsService } from '../../documents/documents.service';
import { DocumentReader, ReadDocumentOptions } from '../../documents/ocr/read-document.service';
import { InterviewLocale } from '../../interview/interview-state.types';
import { BOT_CLOCK, BotClock } from '../bot-clock';
import { LetterDeadlinesService } from './letter-deadlines.service';

export interface ReadLetter {
  analysis: LetterAnalysis;
  explanation: string;
  /** The read pages (words and boxes): proposals map evidence back onto the original image. */
  document: OcrDocument;
}

/**
 * Reads a stored document as a letter, analyses and explains it, stores the analysis encrypted and
 * updates the case deadline. The same for the chat (LetterFlowService) and for a Kümmerer's upload.
 * Throws DocumentIntakeError (limits, damage) and OcrError (busy, timeout).
 */
@Injectable()
export class LetterReadingService {
  constructor(
    private readonly reader: DocumentReader,
    private readonly documents: DocumentsService,
    private readonly deadlines: LetterDeadlinesService,
    @Inject(BOT_CLOCK) private readonly clock: BotClock,
  ) {}

  async readAndStore(
    documentId: string,
    bytes: Uint8Array,
    locale: InterviewLocale,
    options: { conversationReference?: object; onProgress?: ReadDocumentOptions['onProgress'] } = {},
  ): Promise<ReadLetter> {
    const { document } = await this.reader.read(bytes, { onProgress: options.onProgress });
    const analysis = analyzeLetter(document, { today: this.clock.now().toISOString().slice(0, 10) });
    const explanation = explainLetter(analysis, locale);
    await this.documents.saveAnalysis(documentId, {
      analysis,
      explanation,
      locale,
      conversationReference: options.conversationReference,
    });
    await this.deadlines.applyForDocument(documentId);
    return { analysis, explanation, document };
  }

  /**
   * The explanation in another language (the family switched it while the letter was read), stored
   * in place of the first, so the case shows what the family got.
   */
  async explainAgain(documentId: string, analysis: LetterAnalysis, locale: InterviewLocale): Promise<string> {
    const explanation = explainLetter(analysis, locale);
    await this.documents.replaceExplanation(documentId, explanation, locale);
    return explanation;
  }
}
