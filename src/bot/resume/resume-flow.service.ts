import { Injectable } from '@nestjs/common';
import { Activity, TurnContext } from 'botbuilder';
import { DocumentsService } from '../../documents/documents.service';
import { parseDate } from '../../interview/input';
import { InterviewLocale, InterviewState } from '../../interview/interview-state.types';
import { plainReply } from '../activities/plain-reply.util';
import { ResumeRequest } from '../activities/read-resume-request.util';
import { renderMessages } from '../activities/render-messages.util';
import { BotError } from '../bot.errors';
import { InterviewRunner } from '../interview-runner.service';
import { BotStates } from '../state/bot-states';
import { ConversationData } from '../state/conversation-data.types';
import { normalizeResumeCode } from './resume-code.util';
import { BirthDateCheck, ResumeCodeService } from './resume-code.service';
import { resumeBirthDateQuestion } from './resume.options';

/**
 * Continue on another device: "weiter <code>", then the birth date; the old conversation's
 * interview moves into this one, together with its resume codes and uploads, in the turn's transaction.
 */
@Injectable()
export class ResumeFlowService {
  constructor(
    private readonly codes: ResumeCodeService,
    private readonly states: BotStates,
    private readonly interviews: InterviewRunner,
    private readonly documents: DocumentsService,
  ) {}

  /** Handles the message when it belongs to the resume dialogue; null lets the interview have it. */
  async handle(
    context: TurnContext,
    data: ConversationData,
    request: ResumeRequest,
    locale: InterviewLocale,
  ): Promise<Partial<Activity>[] | null> {
    const failedAttempts = data.resume?.failedAttempts ?? 0;
    if (request && hasStarted(data)) {
      return [plainReply('resumeNotHere', locale)];
    }
    if (request && failedAttempts >= this.codes.maxAttempts) {
      return [plainReply('resumeLocked', locale)];
    }
    if (request?.kind === 'ask-code') {
      data.resume = { failedAttempts };
      return [plainReply('resumeAskCode', locale)];
    }
    if (request?.kind === 'code') {
      data.resume = { code: request.code, failedAttempts };
      return [plainReply('resumeAskBirthDate', locale)];
    }
    if (!data.resume) {
      return null;
    }
    const text = context.activity.text?.trim() ?? '';
    if (!data.resume.code) {
      const code = normalizeResumeCode(text);
      if (!code) {
        // Not a code: the family changed their mind; the message goes to the interview.
        data.resume = failedAttempts > 0 ? { failedAttempts } : undefined;
        return null;
      }
      data.resume = { code, failedAttempts };
      return [plainReply('resumeAskBirthDate', locale)];
    }
    const birthDate = parseDate(text, { today: this.interviews.today() });
    if (!birthDate.ok) {
      return [plainReply('resumeBirthDateUnclear', locale)];
    }
    return this.redeem(context, data, data.resume.code, birthDate.value, locale);
  }

  private async redeem(
    context: TurnContext,
    data: ConversationData,
    code: string,
    birthDate: string,
    locale: InterviewLocale,
  ): Promise<Partial<Activity>[]> {
    const failedAttempts = data.resume?.failedAttempts ?? 0;
    let old: ConversationData | undefined;
    let oldKey: string;
    try {
      oldKey = await this.codes.redeem(code, async (key) => {
        old = await this.readConversation(key);
        return checkBirthDate(old?.interview, birthDate);
      });
    } catch (error) {
      if (!(error instanceof BotError)) {
        throw error;
      }
      const attempts = failedAttempts + 1;
      data.resume = { failedAttempts: attempts };
      if (error.code === 'RESUME_CODE_LOCKED' || attempts >= this.codes.maxAttempts) {
        return [plainReply('resumeLocked', locale)];
      }
      return [plainReply(error.code === 'RESUME_CODE_EXPIRED' ? 'resumeExpired' : 'resumeInvalid', locale)];
    }
    const newKey = this.states.conversationKey(context);
    // The chat goes on in the language of this chat (a code typed in a Turkish chat is answered in
    // Turkish), not in the one the family spoke on the other device.
    data.interview = { ...old!.interview!, locale };
    data.caseId = old!.caseId;
    data.resumeCodeShown = old!.resumeCodeShown;
    data.resume = undefined;
    // Moves, never copies: the old conversation holds nothing afterwards.
    await this.states.storage.delete([oldKey]);
    await this.states.storage.commitWithTurn(async (manager) => {
      await this.codes.moveCodes(oldKey, newKey, manager);
      await this.documents.moveConversation(oldKey, newKey, manager);
    });
    const resumed = this.interviews.handle(data.interview, { type: 'action', action: 'resume' });
    data.interview = resumed.state;
    return [plainReply('resumeDone', locale), ...renderMessages(resumed.messages)];
  }

  private async readConversation(key: string): Promise<ConversationData | undefined> {
    const items = await this.states.storage.read([key]);
    return (items[key] as { data?: ConversationData } | undefined)?.data;
  }
}

/** True once the family has answered something here: then a code would overwrite real answers. */
function hasStarted(data: ConversationData): boolean {
  return Boolean(data.caseId) || Object.keys(data.interview?.answers ?? {}).length > 0;
}

function checkBirthDate(interview: InterviewState | undefined, birthDate: string): BirthDateCheck {
  if (!interview) {
    return 'no-interview';
  }
  const stored = interview.answers[resumeBirthDateQuestion];
  // Always two factors: without a stored birth date (codes issued before this rule) nothing matches.
  return typeof stored === 'string' && stored === birthDate ? 'match' : 'mismatch';
}
