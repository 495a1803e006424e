import { Inject, Injectable } from '@nestjs/common';
import { Activity, TurnContext } from 'botbuilder';
import { CaseIntakeService } from '../cases/case-intake.service';
import { DocumentsService } from '../documents/documents.service';
import { EngineEvent } from '../interview/engine.types';
import { InterviewState } from '../interview/interview-state.types';
import { plainReply } from './activities/plain-reply.util';
import { BOT_CLOCK, BotClock } from './bot-clock';
import { ResumeCodeService } from './resume/resume-code.service';
import { LetterDeadlinesService } from './letters/letter-deadlines.service';
import { resumeBirthDateQuestion } from './resume/resume.options';
import { BotStates } from './state/bot-states';
import { ConversationData } from './state/conversation-data.types';

/**
 * What the bot does about the engine's events: a case on submission, a note when the family asks
 * for a person, a resume code once the birth date is known (and again on pause), nothing kept
 * after a refusal.
 * Returns notices to show alongside the engine's messages.
 */
@Injectable()
export class EngineEffectsService {
  constructor(
    private readonly states: BotStates,
    private readonly cases: CaseIntakeService,
    private readonly documents: DocumentsService,
    private readonly codes: ResumeCodeService,
    private readonly letterDeadlines: LetterDeadlinesService,
    @Inject(BOT_CLOCK) private readonly clock: BotClock,
  ) {}

  async apply(
    context: TurnContext,
    data: ConversationData,
    events: EngineEvent[],
  ): Promise<Partial<Activity>[]> {
    const interview = data.interview!;
    const conversationKey = this.states.conversationKey(context);
    const conversation = () => ({
      key: conversationKey,
      reference: TurnContext.getConversationReference(context.activity),
      // The team the chat page was embedded for (channelData.team); CaseTeamService resolves it.
      team: teamOf(context.activity),
    });
    // The bot's clock, not the machine's: the case's dates and the date of signing follow the turn.
    const clock = () => ({ now: this.clock.now() });
    const notices: Partial<Activity>[] = [];
    for (const event of events) {
      switch (event.type) {
        case 'submitted':
          // The forms are filled in the background (CaseDraftsService): the family need not wait.
          data.caseId = await this.cases.createFromInterview(
            interview,
            conversation(),
            { answers: event.answers, unknown: event.unknown },
            clock(),
          );
          // Deadlines of letters read before the case existed now count for it.
          await this.letterDeadlines.applyToCase(data.caseId);
          break;
        case 'human-requested':
          data.caseId = await this.cases.recordHumanRequest(interview, conversation(), event.text, clock());
          break;
        case 'paused':
          // A code alone must never open someone's answers: it is only given with the birth date known.
          notices.push(
            hasBirthDate(interview)
              ? await this.resumeCodeNotice(data, conversationKey)
              : plainReply('pauseSameBrowser', interview.locale),
          );
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
    // The birth date was just given: from now on the family can continue on another device.
    if (
      !data.resumeCodeShown &&
      hasBirthDate(interview) &&
      interview.phase !== 'submitted' &&
      !events.some((event) => event.type === 'paused')
    ) {
      notices.push(await this.resumeCodeNotice(data, conversationKey));
    }
    return notices;
  }

  private async resumeCodeNotice(
    data: ConversationData,
    conversationKey: string,
  ): Promise<Partial<Activity>> {
    data.resumeCodeShown = true;
    return plainReply('resumeCode', data.interview!.locale, {
      code: await this.codes.issue(conversationKey),
    });
  }
}

/** The second factor for resuming elsewhere (ResumeFlowService checks it). */
function hasBirthDate(interview: InterviewState): boolean {
  return typeof interview.answers[resumeBirthDateQuestion] === 'string';
}

function teamOf(activity: Activity): string | null {
  const team: unknown = (activity.channelData as { team?: unknown } | undefined)?.team;
  return typeof team === 'string' && team.length <= 100 ? team : null;
}
