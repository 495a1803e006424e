import { Inject, Injectable } from '@nestjs/common';
import { FormRegistry } from '../forms/forms.registry';
import { EngineResult, UserInput } from '../interview/engine.types';
import {
  INTERVIEW_LOCALES,
  InterviewLocale,
  InterviewState,
  PendingProposal,
} from '../interview/interview-state.types';
import { handleInput, letterValuesToAsk, offerProposals, startInterview } from '../interview';
import { berlinDate } from '../common/berlin-date.util';
import { BOT_CLOCK, BotClock } from './bot-clock';

/** The one application the chat offers for now. */
export const chatApplicationId = 'kindergeld';

/** Calls the pure interview engine with the loaded definitions and the clock. */
@Injectable()
export class InterviewRunner {
  constructor(
    private readonly registry: FormRegistry,
    @Inject(BOT_CLOCK) private readonly clock: BotClock,
  ) {}

  start(locale: InterviewLocale): EngineResult {
    return startInterview(this.registry.loadedApplication(chatApplicationId), { locale, ...this.options() });
  }

  handle(state: InterviewState, input: UserInput): EngineResult {
    return handleInput(this.registry.loadedApplication(state.applicationId), state, input, this.options());
  }

  /**
   * Values read from a letter: offered at once for questions already answered and the one being
   * asked, kept for the others until their question comes.
   */
  offer(state: InterviewState, proposals: readonly PendingProposal[]): EngineResult {
    return offerProposals(
      this.registry.loadedApplication(state.applicationId),
      state,
      proposals,
      this.options(),
    );
  }

  /** Whether the family will be asked about any of `proposals` (some may equal the answers given). */
  asksAbout(state: InterviewState, proposals: readonly PendingProposal[]): boolean {
    const paths = proposals.map((proposal) => proposal.path);
    return (
      letterValuesToAsk(this.registry.loadedApplication(state.applicationId), state, paths, this.options())
        .length > 0
    );
  }

  today(): string {
    return berlinDate(this.clock.now());
  }

  private options(): { today: string; now: string } {
    const now = this.clock.now();
    return { today: berlinDate(now), now: now.toISOString() };
  }
}

/** "tr-TR" → "tr"; anything the bot does not speak → German. */
export function interviewLocaleOf(locale: string | undefined): InterviewLocale {
  const language = (locale ?? '').slice(0, 2).toLowerCase();
  return (INTERVIEW_LOCALES as readonly string[]).includes(language) ? (language as InterviewLocale) : 'de';
}
