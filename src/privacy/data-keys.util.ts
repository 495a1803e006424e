import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { DataKey } from './data-cipher.service';
import { PrivacyError } from './privacy.errors';

/**
 * Reads DATA_ENCRYPTION_KEYS ("id:base64key,id2:base64key"). Outside production, when none is set,
 * a key is generated once into DATA_DIR/data-key (mode 600) so the first start works without setup;
 * production refuses to start without configured keys.
 */
export function resolveDataKeys(options: {
  keys?: string;
  activeKeyId?: string;
  dataDir: string;
  production: boolean;
}): { keys: DataKey[]; activeKeyId: string } {
  if (options.keys) {
    const keys = options.keys.split(',').map((entry) => {
      const [id, encoded] = entry.trim().split(':');
      if (!id || !encoded) {
        throw new PrivacyError('KEY_INVALID', 'DATA_ENCRYPTION_KEYS entries look like "<id>:<base64 key>".');
      }
      return { id, key: Buffer.from(encoded, 'base64') };
    });
    return { keys, activeKeyId: options.activeKeyId ?? keys[keys.length - 1].id };
  }
  if (options.production) {
    throw new PrivacyError('KEY_MISSING', 'DATA_ENCRYPTION_KEYS must be set in production (see README).');
  }
  const dir = resolve(options.dataDir);
  const file = join(dir, 'data-key');
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, `local:${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  const [id, encoded] = readFileSync(file, 'utf8').trim().split(':');
  return { keys: [{ id, key: Buffer.from(encoded, 'base64') }], activeKeyId: id };
}
