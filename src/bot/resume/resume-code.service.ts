import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, LessThan, Repository } from 'typeorm';
import { BotError } from '../bot.errors';
import { ResumeCodeHasher } from './resume-code-hasher';
import { ResumeCode } from './resume-code.entity';
import { generateResumeCode, normalizeResumeCode } from './resume-code.util';
import { RESUME_OPTIONS, ResumeOptions } from './resume.options';

/** What the caller found when it compared the birth date with the stored interview. */
export type BirthDateCheck = 'match' | 'mismatch' | 'no-interview';

/**
 * Issues and redeems resume codes. A code only points at a conversation; the caller checks the
 * applicant's birth date against that conversation's interview and moves the state.
 */
@Injectable()
export class ResumeCodeService {
  constructor(
    @InjectRepository(ResumeCode) private readonly codes: Repository<ResumeCode>,
    private readonly hasher: ResumeCodeHasher,
    @Inject(RESUME_OPTIONS) private readonly options: ResumeOptions,
  ) {}

  get maxAttempts(): number {
    return this.options.maxAttempts;
  }

  /** A new code for the conversation, shown once ("K7QX-M4TA"); earlier codes stay valid until they expire. */
  async issue(conversationKey: string, now = new Date()): Promise<string> {
    const code = generateResumeCode();
    await this.codes.insert({
      id: randomUUID(),
      codeHash: this.hasher.hash(normalizeResumeCode(code)!),
      conversationKey,
      failedAttempts: 0,
      lockedAt: null,
      expiresAt: new Date(now.getTime() + this.options.ttlDays * 86_400_000),
    });
    return code;
  }

  /**
   * The conversation behind `code`, once `checkBirthDate` confirms it. Throws BotError
   * RESUME_CODE_INVALID (unknown code or wrong birth date), RESUME_CODE_LOCKED, RESUME_CODE_EXPIRED.
   */
  async redeem(
    code: string,
    checkBirthDate: (conversationKey: string) => Promise<BirthDateCheck>,
    now = new Date(),
  ): Promise<string> {
    const normalized = normalizeResumeCode(code);
    const record = normalized
      ? await this.codes.findOne({ where: { codeHash: In(this.hasher.candidates(normalized)) } })
      : null;
    if (!record) {
      throw new BotError('RESUME_CODE_INVALID', 'No resume code matches.');
    }
    if (record.lockedAt) {
      throw new BotError('RESUME_CODE_LOCKED', 'The resume code is locked after too many wrong tries.');
    }
    if (record.expiresAt.getTime() < now.getTime()) {
      throw new BotError('RESUME_CODE_EXPIRED', 'The resume code has expired.');
    }
    const check = await checkBirthDate(record.conversationKey);
    if (check === 'no-interview') {
      throw new BotError('RESUME_CODE_EXPIRED', 'The conversation of the resume code no longer exists.');
    }
    if (check === 'mismatch') {
      await this.codes.increment({ id: record.id }, 'failedAttempts', 1);
      if (record.failedAttempts + 1 >= this.options.maxAttempts) {
        await this.codes.update({ id: record.id }, { lockedAt: now });
        throw new BotError('RESUME_CODE_LOCKED', 'The resume code is locked after too many wrong tries.');
      }
      throw new BotError('RESUME_CODE_INVALID', 'The birth date does not match.');
    }
    return record.conversationKey;
  }

  /** The codes follow the interview to its new conversation (in the transaction that moves the state). */
  async moveCodes(fromKey: string, toKey: string, manager: EntityManager): Promise<void> {
    await manager.getRepository(ResumeCode).update({ conversationKey: fromKey }, { conversationKey: toKey });
  }

  /** For a periodic clean-up: codes past their expiry are useless and go. */
  async deleteExpired(now = new Date()): Promise<number> {
    const result = await this.codes.delete({ expiresAt: LessThan(now) });
    return result.affected ?? 0;
  }
}
