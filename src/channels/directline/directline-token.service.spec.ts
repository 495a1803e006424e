import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadConfig } from '../../config/app-config';
import { ChannelError } from '../channels.errors';
import { DirectLineTokenService } from './directline-token.service';

function service(): DirectLineTokenService {
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'antragslotse-token-')),
    DIRECTLINE_TOKEN_SECRET: 'token-service-test-key-0123456789abcdef',
    DIRECTLINE_TOKEN_TTL_SECONDS: '60',
  });
  return new DirectLineTokenService(config);
}

const code = (expected: string) => (error: unknown) =>
  error instanceof ChannelError && error.code === expected;

describe('DirectLineTokenService', () => {
  it('accepts a token again (remembered after its first check), and never a changed one', async () => {
    const sut = service();
    const { token } = await sut.issue('conversation-1', 'family-1');

    const first = await sut.verifyToken(token);
    const again = await sut.verifyToken(token);

    assert.deepEqual(again, first);
    assert.deepEqual([first.conversationId, first.userId], ['conversation-1', 'family-1']);
    const [header, payload, signature] = token.split('.');
    const forged = `${header}.${payload}.${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;
    await assert.rejects(sut.verifyToken(forged), code('DIRECTLINE_UNAUTHORIZED'));
  });

  it('refuses a remembered token once it has expired', async (context) => {
    const sut = service();
    const { token } = await sut.issue('conversation-2');
    await sut.verifyToken(token);

    context.mock.timers.enable({ apis: ['Date'], now: Date.now() + 61_000 });
    try {
      await assert.rejects(sut.verifyToken(token), code('DIRECTLINE_TOKEN_EXPIRED'));
      // Forgotten after that: the signature check itself now says it has expired.
      await assert.rejects(sut.verifyToken(token), code('DIRECTLINE_TOKEN_EXPIRED'));
    } finally {
      context.mock.timers.reset();
    }
  });
});
