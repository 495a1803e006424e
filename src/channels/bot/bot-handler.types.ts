import type { EntityManager } from 'typeorm';
import type { TurnContext } from 'botbuilder';

/** What the channels need from a bot: botbuilder's ActivityHandler fits. */
export interface BotHandler {
  run(context: TurnContext): Promise<void>;
}

/** The bot's account in every conversation. */
export const botAccount = { id: 'antragslotse', name: 'Antragslotse', role: 'bot' } as const;

/**
 * The transaction that commits a bot turn's state (TurnBatchStorage), which a channel joins with
 * the turn's replies: `work` runs in it, `committed` after it; outside a turn both right away.
 */
export interface TurnCommit {
  readonly inTurn: boolean;
  commitWithTurn(
    work: (manager: EntityManager) => Promise<void>,
    committed?: () => Promise<void>,
  ): Promise<void>;
}
