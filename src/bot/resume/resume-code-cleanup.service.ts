import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { ResumeCodeService } from './resume-code.service';

/** How often expired resume codes are removed. */
export const resumeCodeCleanupIntervalMs = 60 * 60 * 1000;

/**
 * Removes expired resume codes at start-up and every hour. Several instances may run it at once:
 * the DELETE is idempotent. The timer is unref'd so it never keeps a process alive.
 */
@Injectable()
export class ResumeCodeCleanupService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Bot');
  private timer?: NodeJS.Timeout;

  constructor(private readonly codes: ResumeCodeService) {}

  onApplicationBootstrap(): void {
    void this.cleanUp();
    this.timer = setInterval(() => void this.cleanUp(), resumeCodeCleanupIntervalMs);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Deletes the expired codes; errors are logged, never thrown (the next run tries again). */
  async cleanUp(now = new Date()): Promise<number> {
    try {
      const removed = await this.codes.deleteExpired(now);
      if (removed > 0) {
        this.logger.log(`Removed ${removed} expired resume codes.`);
      }
      return removed;
    } catch (error) {
      this.logger.warn(`Removing expired resume codes failed: ${(error as Error).name}`);
      return 0;
    }
  }

  /** True while the hourly timer is set (for tests and the health check). */
  get scheduled(): boolean {
    return this.timer !== undefined;
  }
}
