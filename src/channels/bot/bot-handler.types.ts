import type { TurnContext } from 'botbuilder';

/** What the channels need from a bot: botbuilder's ActivityHandler fits. */
export interface BotHandler {
  run(context: TurnContext): Promise<void>;
}

/** The bot's account in every conversation. */
export const botAccount = { id: 'antragslotse', name: 'Antragslotse', role: 'bot' } as const;
