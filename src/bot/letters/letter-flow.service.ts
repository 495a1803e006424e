import { Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Activity, ConversationReference, TurnContext } from 'botbuilder';
import { DocumentIntakeError } from '../../documents/intake/document-intake.errors';
import { documentIntakeMessage } from '../../documents/intake/document-intake-messages.util';
import { OcrError } from '../../documents/ocr/ocr.errors';
import { FormRegistry } from '../../forms/forms.registry';
import { InterviewLocale } from '../../interview/interview-state.types';
import { AntragslotseBot } from '../antragslotse.bot';
import { BotError } from '../bot.errors';
import { chatApplicationId } from '../interview-runner.service';
import { CONVERSATION_GATEWAY, ConversationGateway } from '../proactive/conversation-gateway';
import { letterFlowText } from './letter-flow.texts';
import { letterProposals } from './letter-proposals.util';
import { letterActivity } from './letter-reply';
import { LetterReadingService } from './letter-reading.service';

/**
 * A letter in the chat: "Ich lese Ihren Brief …" at once, then in the background (the family's
 * turn does not wait, other families are not blocked) read, analyse, store the analysis, and post
 * the explanation and the values found into the conversation through the ConversationGateway.
 */
@Injectable()
export class LetterFlowService {
  private readonly logger = new Logger('Letters');
  private readonly running = new Set<Promise<void>>();
  /** A progress message at most this often while a long letter is read. */
  private readonly progressEveryMs = 15_000;

  constructor(
    private readonly reading: LetterReadingService,
    private readonly registry: FormRegistry,
    private readonly moduleRef: ModuleRef,
  ) {}

  /** Starts reading a stored document; returns what the family sees at once (typing + "Ich lese …"). */
  accept(
    context: TurnContext,
    documentId: string,
    bytes: Uint8Array,
    locale: InterviewLocale,
  ): Partial<Activity>[] {
    const reference = TurnContext.getConversationReference(context.activity);
    const job = this.process(reference, documentId, bytes, locale).finally(() => this.running.delete(job));
    this.running.add(job);
    return [{ type: 'typing' }, letterActivity(letterFlowText('reading', locale), locale)];
  }

  /** Resolves when every letter started so far is done (tests, shutdown). */
  async whenIdle(): Promise<void> {
    while (this.running.size > 0) {
      await Promise.allSettled([...this.running]);
    }
  }

  private async process(
    reference: Partial<ConversationReference>,
    documentId: string,
    bytes: Uint8Array,
    locale: InterviewLocale,
  ): Promise<void> {
    try {
      const startedAt = Date.now();
      let lastProgressAt = startedAt;
      // The reference goes with the analysis so a deadline reminder reaches families without a case.
      const { analysis, explanation, document } = await this.reading.readAndStore(documentId, bytes, locale, {
        conversationReference: reference,
        onProgress: (progress) => {
          const now = Date.now();
          if (
            progress.stage === 'page-done' &&
            progress.pagesDone < progress.pagesTotal &&
            now - lastProgressAt >= this.progressEveryMs
          ) {
            lastProgressAt = now;
            const text = (now: InterviewLocale) =>
              letterFlowText('progress', now, { done: progress.pagesDone, pages: progress.pagesTotal });
            void this.post(reference, (context) =>
              this.bot().tellLetterProgress(context, text, locale),
            ).catch(() => undefined);
          }
        },
      });
      const proposals = letterProposals({
        analysis,
        document,
        documentId,
        questions: this.registry.loadedApplication(chatApplicationId).questions.values(),
      });
      this.logger.log(`Letter ${documentId} analysed: ${proposals.length} values to propose.`);
      // Also without values: the explanation comes in between, the family sees the question again.
      await this.post(reference, (context) =>
        this.bot().deliverLetter(context, {
          // The chat's language when it arrives: the family may have switched it meanwhile.
          text: async (now) =>
            now === locale ? explanation : this.reading.explainAgain(documentId, analysis, now),
          uploadLocale: locale,
          proposals,
        }),
      );
    } catch (error) {
      await this.refuse(reference, error, locale);
    }
  }

  /** The family hears why the letter was not read; nothing is thrown out of the background job. */
  private async refuse(
    reference: Partial<ConversationReference>,
    error: unknown,
    locale: InterviewLocale,
  ): Promise<void> {
    const text = (now: InterviewLocale) =>
      Promise.resolve(
        error instanceof DocumentIntakeError
          ? documentIntakeMessage(error.code, now, error.details)
          : error instanceof OcrError && error.code === 'OCR_BUSY'
            ? letterFlowText('busy', now)
            : letterFlowText('failed', now),
      );
    this.logger.warn(
      `Reading a letter failed: ${(error as Error).name} ${(error as { code?: string }).code ?? ''}`,
    );
    try {
      await this.post(reference, (context) =>
        this.bot().deliverLetter(context, { text, uploadLocale: locale, proposals: [] }),
      );
    } catch (postError) {
      this.logger.warn(`Could not tell the family: ${(postError as Error).name}`);
    }
  }

  private post(
    reference: Partial<ConversationReference>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void> {
    return this.gateway().continueConversation(reference, logic);
  }

  private gateway(): ConversationGateway {
    try {
      // Looked up lazily: the channels depend on the bot, so the bot cannot import them.
      return this.moduleRef.get<ConversationGateway>(CONVERSATION_GATEWAY, { strict: false });
    } catch {
      throw new BotError('CONVERSATION_GATEWAY_MISSING', 'No channel provides proactive messages.');
    }
  }

  /** Looked up lazily: the bot needs the upload flow, which needs this service. */
  private bot(): AntragslotseBot {
    return this.moduleRef.get(AntragslotseBot, { strict: false });
  }
}
