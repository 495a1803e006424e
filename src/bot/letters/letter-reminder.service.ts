import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { berlinDate } from '../../common/berlin-date.util';
import { AppConfig } from '../../config/app-config';
import { BOT_CLOCK, BotClock } from '../bot-clock';
import { LetterDeadlinesService } from './letter-deadlines.service';
import { LetterReminderSender } from './letter-reminder-sender.service';

/** How often deadlines are checked for reminders. */
export const letterReminderIntervalMs = 60 * 60 * 1000;

/**
 * Reminds families of their letters' deadlines: every hour, deadlines at most REMINDER_DAYS_BEFORE
 * days ahead get one reminder in the family's chat (LetterReminderSender: through the case, noted
 * there, or before submission into the chat the letter came in).
 * A failed send is retried the next hour; a sent one is marked so it never repeats.
 */
@Injectable()
export class LetterReminderService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Letters');
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly deadlines: LetterDeadlinesService,
    private readonly sender: LetterReminderSender,
    private readonly config: AppConfig,
    @Inject(BOT_CLOCK) private readonly clock: BotClock,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.run(), letterReminderIntervalMs);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Sends the due reminders; returns how many were sent. Errors are logged, never thrown. */
  async run(now: Date = this.clock.now()): Promise<number> {
    let sent = 0;
    try {
      const due = await this.deadlines.dueReminders(berlinDate(now), this.config.REMINDER_DAYS_BEFORE);
      for (const reminder of due) {
        try {
          await this.sender.send(reminder);
          await this.deadlines.markReminded(reminder.documentId, now);
          sent++;
        } catch (error) {
          this.logger.warn(`Reminder for document ${reminder.documentId} failed: ${(error as Error).name}`);
        }
      }
    } catch (error) {
      this.logger.warn(`Checking letter deadlines failed: ${(error as Error).name}`);
    }
    return sent;
  }
}
