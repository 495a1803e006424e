import { createHmac, hkdfSync } from 'node:crypto';
import { DataKey } from '../../privacy/data-cipher.service';

/**
 * Resume codes are stored only as HMAC-SHA256, keyed with a key derived (HKDF) from each data key:
 * a stolen database alone does not let anyone try the about 2^38 codes offline.
 * Lookups try every configured key, so codes survive a key rotation until they expire.
 */
export class ResumeCodeHasher {
  private readonly keys: Buffer[];

  constructor(dataKeys: DataKey[], activeKeyId: string) {
    // The active key first: new codes are hashed with it.
    const ordered = [...dataKeys].sort((a, b) => Number(b.id === activeKeyId) - Number(a.id === activeKeyId));
    this.keys = ordered.map((entry) =>
      Buffer.from(hkdfSync('sha256', entry.key, Buffer.alloc(0), 'antragslotse resume code v1', 32)),
    );
  }

  /** The hash to store for a new code (normalised, see normalizeResumeCode). */
  hash(code: string): string {
    return this.hmac(this.keys[0], code);
  }

  /** Every hash the code may be stored under. */
  candidates(code: string): string[] {
    return this.keys.map((key) => this.hmac(key, code));
  }

  private hmac(key: Buffer, code: string): string {
    return createHmac('sha256', key).update(code, 'utf8').digest('hex');
  }
}
