/**
 * Injection token for the bot that answers the family (a botbuilder ActivityHandler or anything
 * with `run(context)`). The bot module provides the real `AntragslotseBot` under it; the channels
 * fall back to their echo bot when nothing is bound or `BOT=echo`.
 */
export const BOT_HANDLER = Symbol('BOT_HANDLER');
