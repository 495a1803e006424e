import { Injectable } from '@nestjs/common';
import { Activity, TurnContext } from 'botbuilder';
import { CasesService } from '../cases/cases.service';
import { DocumentsService } from '../documents/documents.service';
import { EngineEvent } from '../interview/engine.types';
import { plainReply } from './activities/plain-reply.util';
import { typingActivity } from './activities/render-messages.util';
import { ResumeCodeService } from './resume/resume-code.service';
import { BotStates } from './state/bot-states';
import { ConversationData } from './state/conversation-data.types';

/**
 * What the bot does about the engine's events: a case on submission, a note when the family asks
 * for a person, a resume code after consent and on pause, nothing kept after a refusal.
 * Returns notices to show alongside the engine's messages.
 */
@Injectable()
export class EngineEffectsService {
  constructor(
    private readonly states: BotStates,
    private readonly cases: CasesService,
    private readonly documents: DocumentsService,
    private readonly codes: ResumeCodeService,
  ) {}

  async apply(context: TurnContext, data: ConversationData, events: EngineEvent[]): Promise<Partial<Activity>[]> {
    const interview = data.interview!;
    const conversationKey = this.states.conversationKey(context);
    const conversation = () => ({
      key: conversationKey,
      reference: TurnContext.getConversationReference(context.activity),
    });
    const notices: Partial<Activity>[] = [];
    for (const event of events) {
      switch (event.type) {
        case 'submitted':
          // Filling the PDFs takes a moment: show that the bot is working.
          await context.sendActivities([typingActivity(), plainReply('filling', interview.locale)]);
          data.caseId = await this.cases.createFromInterview(interview, conversation(), {
            answers: event.answers,
            unknown: event.unknown,
          });
          break;
        case 'human-requested':
          data.caseId = await this.cases.recordHumanRequest(interview, conversation(), event.text);
          break;
        case 'consent-accepted':
        case 'paused':
          notices.push(plainReply('resumeCode', interview.locale, { code: await this.codes.issue(conversationKey) }));
          break;
        case 'consent-refused':
          // Nothing but the refusal stays: no files, no answers (the engine asked nothing yet).
          await this.documents.deleteForConversation(conversationKey);
          break;
        case 'language-changed':
          await this.states.profile.set(context, { locale: event.locale });
          break;
        default:
          break;
      }
    }
    return notices;
  }
}
