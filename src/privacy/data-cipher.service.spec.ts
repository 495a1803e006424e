import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { DataCipher } from './data-cipher.service';
import { resolveDataKeys } from './data-keys.util';
import { PrivacyError } from './privacy.errors';

const oldKey = { id: 'k2025', key: randomBytes(32) };
const newKey = { id: 'k2026', key: randomBytes(32) };

describe('DataCipher', () => {
  it('round-trips values and never stores the plain text', () => {
    const sut = new DataCipher([newKey], 'k2026');
    const sealed = sut.encrypt(Buffer.from('Ayşe Yılmaz, DE89370400440532013000'), 'case:1');
    assert.ok(!sealed.toString('latin1').includes('Yılmaz'));
    assert.ok(!sealed.toString('latin1').includes('DE8937'));
    assert.equal(sut.decrypt(sealed, 'case:1').toString('utf8'), 'Ayşe Yılmaz, DE89370400440532013000');
  });

  it('uses a fresh IV, so the same value encrypts differently each time', () => {
    const sut = new DataCipher([newKey], 'k2026');
    assert.notDeepEqual(sut.encrypt(Buffer.from('x')), sut.encrypt(Buffer.from('x')));
  });

  it('reads data written with an older key after rotation', () => {
    const before = new DataCipher([oldKey], 'k2025');
    const sealed = before.encryptJson({ lastName: 'Petrović' }, 'case:7');
    const after = new DataCipher([oldKey, newKey], 'k2026');
    assert.deepEqual(after.decryptJson(sealed, 'case:7'), { lastName: 'Petrović' });
    assert.match(Buffer.from(after.encryptJson({}), 'base64').toString('latin1'), /^v1:k2026:/);
  });

  it('refuses tampered values, values moved to another record, and unknown keys', () => {
    const sut = new DataCipher([newKey], 'k2026');
    const sealed = sut.encrypt(Buffer.from('Olena Kovalenko'), 'case:1');
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1] ^= 1;
    const isInvalid = (error: unknown) =>
      error instanceof PrivacyError && error.code === 'CIPHERTEXT_INVALID';
    assert.throws(() => sut.decrypt(tampered, 'case:1'), isInvalid);
    assert.throws(() => sut.decrypt(sealed, 'case:2'), isInvalid);
    assert.throws(() => sut.decrypt(Buffer.from('garbage')), isInvalid);
    const other = new DataCipher([oldKey], 'k2025');
    assert.throws(
      () => other.decrypt(sealed, 'case:1'),
      (error: unknown) => error instanceof PrivacyError && error.code === 'KEY_MISSING',
    );
  });

  it('seals files on the thread pool in the same format, readable by either method', async () => {
    const sut = new DataCipher([oldKey, newKey], 'k2026');
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7 Antrag Familie Şahin\n'), randomBytes(300_000)]);
    const sealed = await sut.encryptAsync(pdf, 'case-document:1:a');
    assert.match(sealed.subarray(0, 9).toString('latin1'), /^v1:k2026:/);
    assert.ok(!sealed.includes(Buffer.from('Şahin')));
    assert.deepEqual(sut.decrypt(sealed, 'case-document:1:a'), pdf);
    assert.deepEqual(await sut.decryptAsync(sut.encrypt(pdf, 'ctx'), 'ctx'), pdf);
    // A key that is no longer active still reads, on the pool as well.
    const before = new DataCipher([oldKey], 'k2025');
    assert.deepEqual(await sut.decryptAsync(await before.encryptAsync(pdf, 'ctx'), 'ctx'), pdf);
  });

  it('refuses on the thread pool what decrypt() refuses', async () => {
    const sut = new DataCipher([newKey], 'k2026');
    const sealed = await sut.encryptAsync(Buffer.from('Olena Kovalenko'), 'case:1');
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1] ^= 1;
    const isInvalid = (error: unknown) =>
      error instanceof PrivacyError && error.code === 'CIPHERTEXT_INVALID';
    await assert.rejects(sut.decryptAsync(tampered, 'case:1'), isInvalid);
    await assert.rejects(sut.decryptAsync(sealed, 'case:2'), isInvalid);
    await assert.rejects(sut.decryptAsync(Buffer.from('garbage')), isInvalid);
    await assert.rejects(sut.decryptAsync(sealed.subarray(0, 20), 'case:1'), isInvalid);
    await assert.rejects(
      new DataCipher([oldKey], 'k2025').decryptAsync(sealed, 'case:1'),
      (error: unknown) => error instanceof PrivacyError && error.code === 'KEY_MISSING',
    );
  });

  it('refuses keys of the wrong length', () => {
    assert.throws(() => new DataCipher([{ id: 'short', key: randomBytes(16) }], 'short'), PrivacyError);
  });
});

describe('resolveDataKeys', () => {
  it('generates one local key file with mode 600 outside production and reuses it', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'antragslotse-keys-'));
    const first = resolveDataKeys({ dataDir, production: false });
    const second = resolveDataKeys({ dataDir, production: false });
    assert.deepEqual(first.keys[0].key, second.keys[0].key);
    assert.equal(first.keys[0].key.length, 32);
    assert.equal(statSync(join(dataDir, 'data-key')).mode & 0o777, 0o600);
    assert.match(readFileSync(join(dataDir, 'data-key'), 'utf8'), /^local:/);
  });

  it('refuses to start in production without configured keys', () => {
    assert.throws(
      () => resolveDataKeys({ dataDir: tmpdir(), production: true }),
      /DATA_ENCRYPTION_KEYS must be set/,
    );
  });

  it('reads configured keys and uses the last one unless told otherwise', () => {
    const keys = `a:${randomBytes(32).toString('base64')},b:${randomBytes(32).toString('base64')}`;
    assert.equal(resolveDataKeys({ keys, dataDir: tmpdir(), production: true }).activeKeyId, 'b');
    assert.equal(
      resolveDataKeys({ keys, activeKeyId: 'a', dataDir: tmpdir(), production: true }).activeKeyId,
      'a',
    );
  });
});
