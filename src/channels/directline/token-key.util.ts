import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { ChannelError } from '../channels.errors';

/**
 * The HS256 key for Direct Line tokens: DIRECTLINE_TOKEN_SECRET, or outside production a key
 * generated once into DATA_DIR/directline-token-key (mode 600), like the data keys. Every instance
 * of a multi-instance setup must share it, so production refuses to start without it.
 */
export function resolveTokenKey(options: {
  secret?: string;
  dataDir: string;
  production: boolean;
}): Uint8Array {
  if (options.secret) {
    return new TextEncoder().encode(options.secret);
  }
  if (options.production) {
    throw new ChannelError(
      'CHANNEL_KEY_MISSING',
      'DIRECTLINE_TOKEN_SECRET must be set in production (see README).',
    );
  }
  const dir = resolve(options.dataDir);
  const file = join(dir, 'directline-token-key');
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  return new TextEncoder().encode(readFileSync(file, 'utf8').trim());
}
