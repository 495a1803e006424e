import { after, before, describe, it, mock } from 'node:test';
import assert from 'node:assert/strict';
import { DataSource } from 'typeorm';
import { BotHarness, startBotHarness } from '../../../test/support/bot-harness';
import { ResumeCodeCleanupService, resumeCodeCleanupIntervalMs } from './resume-code-cleanup.service';
import { ResumeCodeService } from './resume-code.service';

describe('ResumeCodeCleanupService', () => {
  let harness: BotHarness;

  before(async () => {
    harness = await startBotHarness();
  });

  after(async () => {
    await harness.close();
    harness.remove();
  });

  it('removes the expired resume codes and keeps the valid ones', async () => {
    const sut = harness.app.get(ResumeCodeCleanupService);
    const codes = harness.app.get(ResumeCodeService);
    const now = new Date('2025-11-20T10:00:00Z');
    const longAgo = new Date(now.getTime() - 365 * 86_400_000);
    await codes.issue('test/conversations/old-1/', longAgo);
    await codes.issue('test/conversations/old-2/', longAgo);
    await codes.issue('test/conversations/fresh/', now);

    assert.equal(await sut.cleanUp(now), 2);
    const left = await harness.app
      .get(DataSource)
      .query<Array<{ conversation_key: string }>>(`SELECT conversation_key FROM resume_codes`);
    assert.deepEqual(
      left.map((row) => row.conversation_key),
      ['test/conversations/fresh/'],
    );
    assert.equal(await sut.cleanUp(now), 0);
  });

  it('is scheduled at start-up and stops when the module is destroyed', async () => {
    const other = await startBotHarness();
    const sut = other.app.get(ResumeCodeCleanupService);
    assert.equal(sut.scheduled, true);
    await other.close();
    other.remove();
    assert.equal(sut.scheduled, false);
  });

  it('runs at once and then every hour, and a failing run does not throw', async () => {
    mock.timers.enable({ apis: ['setInterval'] });
    let runs = 0;
    const failing = {
      deleteExpired: () => {
        runs++;
        return Promise.reject(new Error('database gone'));
      },
    } as unknown as ResumeCodeService;
    const sut = new ResumeCodeCleanupService(failing);
    try {
      sut.onApplicationBootstrap();
      assert.equal(runs, 1);
      mock.timers.tick(resumeCodeCleanupIntervalMs);
      mock.timers.tick(resumeCodeCleanupIntervalMs);
      assert.equal(runs, 3);
      assert.equal(await sut.cleanUp(), 0);
      sut.onModuleDestroy();
      mock.timers.tick(resumeCodeCleanupIntervalMs);
      assert.equal(runs, 4);
    } finally {
      sut.onModuleDestroy();
      mock.timers.reset();
    }
  });
});
