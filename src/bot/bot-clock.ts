/** Now, injectable so that tests can fix the date (the engine's "today" and provenance times). */
export interface BotClock {
  now(): Date;
}

export const BOT_CLOCK = Symbol('BOT_CLOCK');

export const systemClock: BotClock = { now: () => new Date() };
