import { Injectable } from '@nestjs/common';
import { Activity, TurnContext } from 'botbuilder';
import { CasesService } from '../cases/cases.service';
import { BotMessage } from '../interview/engine.types';
import { InterviewLocale, InterviewState, PendingProposal } from '../interview/interview-state.types';
import { plainReply } from './activities/plain-reply.util';
import { readResumeRequest } from './activities/read-resume-request.util';
import { readUserInput } from './activities/read-user-input.util';
import { renderMessages } from './activities/render-messages.util';
import { EngineEffectsService } from './engine-effects.service';
import { InterviewRunner, interviewLocaleOf } from './interview-runner.service';
import { letterFlowText } from './letters/letter-flow.texts';
import { letterActivity, LetterReply } from './letters/letter-reply';
import { ResumeFlowService } from './resume/resume-flow.service';
import { BotStates } from './state/bot-states';
import { ConversationData } from './state/conversation-data.types';
import { UploadIntakeService } from './uploads/upload-intake.service';

/** One turn of a family's conversation: files, resume codes, replies after submission, the interview. */
@Injectable()
export class FamilyTurnService {
  constructor(
    private readonly states: BotStates,
    private readonly interviews: InterviewRunner,
    private readonly uploads: UploadIntakeService,
    private readonly resume: ResumeFlowService,
    private readonly effects: EngineEffectsService,
    private readonly cases: CasesService,
  ) {}

  /** The family opened the chat: the privacy notice, unless this conversation is already under way. */
  async greet(context: TurnContext): Promise<void> {
    const data = await this.data(context);
    if (!data.interview) {
      await send(context, await this.start(context, data));
    }
  }

  async handleMessage(context: TurnContext): Promise<void> {
    const data = await this.data(context);
    const locale = data.interview?.locale ?? (await this.locale(context));
    const key = this.states.conversationKey(context);
    const replies = await this.uploads.receive(context, data, key, locale);

    const resumeReplies = await this.resume.handle(
      context,
      data,
      readResumeRequest(context.activity),
      locale,
    );
    if (resumeReplies) {
      await send(context, [...replies, ...resumeReplies]);
      return;
    }
    const input = readUserInput(context.activity);
    if (data.caseId && data.interview?.phase === 'submitted') {
      // After submission the family talks to their Kümmerer (answers to questions back).
      if (input?.type === 'text') {
        await this.cases.addNote(data.caseId, { author: 'family', kind: 'family-reply', text: input.text });
        replies.push(plainReply('replyForwarded', locale));
      }
      await send(context, replies);
      return;
    }
    if (!data.interview) {
      await send(context, [...replies, ...(await this.start(context, data))]);
      return;
    }
    if (!input) {
      await send(context, replies);
      return;
    }
    const result = this.interviews.handle(data.interview, input);
    data.interview = result.state;
    const notices = await this.effects.apply(context, data, result.events);
    await send(context, [...replies, ...arrange(result.messages, notices, result.state)]);
  }

  /**
   * The family picked a language in the web widget's switcher: the interview continues in it and
   * asks the current question again. Before the first message the choice is kept for the greeting.
   */
  async changeLanguage(context: TurnContext, locale: InterviewLocale): Promise<void> {
    const data = await this.data(context);
    if (!data.interview) {
      await this.states.profile.set(context, { ...(await this.states.profile.get(context, {})), locale });
      return;
    }
    if (data.interview.locale === locale) {
      return;
    }
    const result = this.interviews.handle(data.interview, {
      type: 'action',
      action: 'language',
      value: locale,
    });
    data.interview = result.state;
    const notices = await this.effects.apply(context, data, result.events);
    await send(context, arrange(result.messages, notices, result.state));
  }

  /**
   * Values read from one of the family's letters (run inside a turn, e.g. through a proactive
   * continueConversation): the engine offers at once those for questions already answered (when
   * they differ) and for the question being asked, the others when their question comes; then, with
   * or without values, the family sees again what the chat waits for (the letter's messages came in
   * between). Nothing happens before consent or after submission (then the Kümmerer sees the letter).
   */
  async offerLetterValues(context: TurnContext, proposals: readonly PendingProposal[]): Promise<void> {
    await send(context, await this.offer(context, await this.data(context), proposals, []));
  }

  /**
   * A letter was read in the background: its explanation in the chat's language now (the family may
   * have switched it while the letter was read), "Ich frage Sie nach und nach …" only when a value
   * will be asked (not when all equal the answers given), then the values as in offerLetterValues.
   */
  async deliverLetter(context: TurnContext, letter: LetterReply): Promise<void> {
    const data = await this.data(context);
    const locale = data.interview?.locale ?? letter.uploadLocale;
    const about = [letterActivity(await letter.text(locale), locale)];
    await send(context, await this.offer(context, data, letter.proposals, about));
  }

  /** A note while a letter is read ("Ich lese noch …"), in the chat's language at this moment. */
  async tellLetterProgress(
    context: TurnContext,
    text: (locale: InterviewLocale) => string,
    uploadLocale: InterviewLocale,
  ): Promise<void> {
    const locale = (await this.data(context)).interview?.locale ?? uploadLocale;
    await context.sendActivities([letterActivity(text(locale), locale), { type: 'typing' }]);
  }

  /** `about` (the letter's messages) first, then what the engine says about the letter's values. */
  private async offer(
    context: TurnContext,
    data: ConversationData,
    proposals: readonly PendingProposal[],
    about: Partial<Activity>[],
  ): Promise<Partial<Activity>[]> {
    if (!data.interview?.consentVersion || data.interview.phase === 'submitted') {
      return about;
    }
    const result = this.interviews.offer(data.interview, proposals);
    data.interview = result.state;
    if (about.length > 0 && this.interviews.asksAbout(result.state, proposals)) {
      const locale = result.state.locale;
      about.push(letterActivity(letterFlowText('proposalsIntro', locale), locale));
    }
    const notices = await this.effects.apply(context, data, result.events);
    return [...about, ...arrange(result.messages, notices, result.state)];
  }

  private async start(context: TurnContext, data: ConversationData): Promise<Partial<Activity>[]> {
    const result = this.interviews.start(await this.locale(context));
    data.interview = result.state;
    const activities = renderMessages(result.messages);
    // A second way in for families who began on another device.
    const resumeButton = {
      type: 'messageBack',
      title: plainReply('resumeButton', result.state.locale).text!,
      displayText: plainReply('resumeButton', result.state.locale).text!,
      text: plainReply('resumeButton', result.state.locale).text!,
      value: { action: 'resume-code' },
    };
    const last = activities[activities.length - 1];
    if (last?.suggestedActions) {
      last.suggestedActions.actions.push(resumeButton);
    }
    return activities;
  }

  /** The conversation's data, created on first use so botbuilder saves it at the end of the turn. */
  private async data(context: TurnContext): Promise<ConversationData> {
    return this.states.conversation.get(context, {});
  }

  /** The language chosen before, else the one the client sent (Web Chat: the browser's). */
  private async locale(context: TurnContext): Promise<InterviewLocale> {
    const profile = await this.states.profile.get(context, {});
    return profile.locale ?? interviewLocaleOf(context.activity.locale);
  }
}

/** Notices go before the final question, so the question and its buttons stay last. */
function arrange(
  messages: BotMessage[],
  notices: Partial<Activity>[],
  state: InterviewState,
): Partial<Activity>[] {
  const activities = renderMessages(messages);
  const last = messages[messages.length - 1];
  if (last?.kind === 'question') {
    markQuestion(activities[activities.length - 1], state);
  }
  if (notices.length > 0 && last && (last.kind === 'question' || last.suggestions?.length)) {
    return [...activities.slice(0, -1), ...notices, activities[activities.length - 1]];
  }
  return [...activities, ...notices];
}

/** botbuilder refuses an empty batch; a turn may have nothing to say (a letter with no value for now). */
async function send(context: TurnContext, activities: Partial<Activity>[]): Promise<void> {
  if (activities.length > 0) {
    await context.sendActivities(activities);
  }
}

/**
 * channelData.question = { id, item } on the activity that asks a question: which question of the
 * form definition (item: 0-based child for repeat groups). Clients and the conversation benchmark
 * can answer from example data by id; Web Chat ignores it.
 */
function markQuestion(activity: Partial<Activity> | undefined, state: InterviewState): void {
  if (!activity || !state.pointer || (state.phase !== 'asking' && state.phase !== 'editing')) {
    return;
  }
  activity.channelData = {
    ...(activity.channelData as object | undefined),
    question: { id: state.pointer.questionId, item: state.pointer.item },
  };
}
