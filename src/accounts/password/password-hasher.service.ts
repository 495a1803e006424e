import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';

/**
 * argon2id with 64 MiB, 3 passes, 1 lane (RFC 9106's second recommended setting): about 50 to
 * 130 ms per hash on the 2-core CI machine, so a login stays quick and guessing stays expensive.
 */
export const argon2Options = { algorithm: 2, memoryCost: 65536, timeCost: 3, parallelism: 1 } as const;

@Injectable()
export class PasswordHasher {
  private dummyHash?: Promise<string>;

  hash(password: string): Promise<string> {
    return hash(password, argon2Options);
  }

  async verify(passwordHash: string, password: string): Promise<boolean> {
    try {
      return await verify(passwordHash, password);
    } catch {
      // A damaged hash in the database must never let anyone in.
      return false;
    }
  }

  /**
   * Verifies against a throw-away hash: unknown, disabled or locked logins then take as long as
   * a real check, so the answer time does not tell whether an account exists.
   */
  async verifyDummy(password: string): Promise<false> {
    this.dummyHash ??= hash(randomBytes(24).toString('base64'), argon2Options);
    await this.verify(await this.dummyHash, password);
    return false;
  }
}
