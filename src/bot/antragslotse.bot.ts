import { ActivityHandler, TurnContext } from 'botbuilder';
import { InterviewLocale, PendingProposal } from '../interview/interview-state.types';
import { readLanguageEvent } from './activities/read-language-event.util';
import { FamilyTurnService } from './family-turn.service';
import { LetterReply } from './letters/letter-reply';
import { BotStates } from './state/bot-states';

/**
 * The Kindergeld bot: Activities in, interview engine, Activities out. Thin on purpose; the
 * services do the work. Each turn's state is saved once at its end, in one transaction; a turn
 * that throws saves nothing, and the adapter's onTurnError tells the family to try again.
 */
export class AntragslotseBot extends ActivityHandler {
  constructor(
    private readonly states: BotStates,
    private readonly family: FamilyTurnService,
  ) {
    super();
    this.onMembersAdded(async (context, next) => {
      const others = (context.activity.membersAdded ?? []).filter(
        (member) => member.id !== context.activity.recipient.id,
      );
      if (others.length > 0) {
        await family.greet(context);
      }
      await next();
    });
    this.onMessage(async (context, next) => {
      await family.handleMessage(context);
      await next();
    });
    this.onEvent(async (context, next) => {
      const locale = readLanguageEvent(context.activity);
      if (locale) {
        await family.changeLanguage(context, locale);
      }
      await next();
    });
  }

  /**
   * Values the letter analysis read from a family's upload, offered in their conversation. Call it
   * with a context of that conversation (ConversationGateway.continueConversation); the state is
   * saved like after a family's turn.
   */
  async offerLetterValues(context: TurnContext, proposals: readonly PendingProposal[]): Promise<void> {
    await this.states.runTurn(context, () => this.family.offerLetterValues(context, proposals));
  }

  /**
   * A letter read in the background, told in its conversation (ConversationGateway): the
   * explanation in the chat's language at this moment, then the values found (offerLetterValues).
   */
  async deliverLetter(context: TurnContext, letter: LetterReply): Promise<void> {
    await this.states.runTurn(context, () => this.family.deliverLetter(context, letter));
  }

  /** "Ich lese noch …" while a long letter is read, in the chat's language at this moment. */
  async tellLetterProgress(
    context: TurnContext,
    text: (locale: InterviewLocale) => string,
    uploadLocale: InterviewLocale,
  ): Promise<void> {
    await this.states.runTurn(context, () => this.family.tellLetterProgress(context, text, uploadLocale));
  }

  override async run(context: TurnContext): Promise<void> {
    await this.states.runTurn(context, () => super.run(context));
  }
}
