import { Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, randomBytes, webcrypto } from 'node:crypto';
import { PrivacyError } from './privacy.errors';

export interface DataKey {
  id: string;
  /** 32 bytes for AES-256-GCM. */
  key: Buffer;
}

const ivLength = 12;
const tagLength = 16;
const format = 'v1';

interface Sealed {
  keyId: string;
  iv: Buffer;
  tag: Buffer;
  body: Buffer;
}

/**
 * Encryption at rest for personal data (answers, conversation state, uploaded files, generated PDFs):
 * AES-256-GCM from Node's crypto module, a fresh IV per value, and the key id stored with every
 * value so that keys can rotate: new data uses the active key, old data stays readable with the old one.
 */
@Injectable()
export class DataCipher {
  private readonly keys: Map<string, Buffer>;
  /** The same keys for WebCrypto, imported on first use. */
  private readonly cryptoKeys = new Map<string, Promise<webcrypto.CryptoKey>>();

  constructor(
    keys: DataKey[],
    private readonly activeKeyId: string,
  ) {
    this.keys = new Map(keys.map((entry) => [entry.id, entry.key]));
    if (!this.keys.has(activeKeyId)) {
      throw new PrivacyError('KEY_MISSING', `The active data key "${activeKeyId}" is not configured.`);
    }
    for (const [id, key] of this.keys) {
      if (key.length !== 32) {
        throw new PrivacyError('KEY_INVALID', `Data key "${id}" must be 32 bytes.`);
      }
      if (!/^[A-Za-z0-9_-]{1,32}$/.test(id)) {
        throw new PrivacyError('KEY_INVALID', `Data key id "${id}" is not allowed.`);
      }
    }
  }

  get keyId(): string {
    return this.activeKeyId;
  }

  /**
   * The active key itself, for a PDF worker process of this service that encrypts the files it
   * makes (PdfSeal) with DataCipher, so that only sealed bytes come back. Never log or store it.
   */
  sealingKey(): DataKey {
    return { id: this.activeKeyId, key: this.keys.get(this.activeKeyId)! };
  }

  /** Encrypts bytes; `context` (e.g. "case-answer:<case id>") is authenticated, so a value cannot be moved to another record. */
  encrypt(plain: Uint8Array, context = ''): Buffer {
    const iv = randomBytes(ivLength);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.activeKeyId)!, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return this.seal(iv, cipher.getAuthTag(), body);
  }

  decrypt(sealed: Uint8Array, context = ''): Buffer {
    const { keyId, iv, tag, body } = this.open(sealed);
    const decipher = createDecipheriv('aes-256-gcm', this.keys.get(keyId)!, iv);
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([decipher.update(body), decipher.final()]);
    } catch {
      throw damaged();
    }
  }

  /**
   * encrypt() for files (megabytes): the same format, computed by WebCrypto on libuv's thread pool,
   * so a PDF or a photo being sealed does not hold up the event loop and everyone's chat with it.
   */
  async encryptAsync(plain: Uint8Array, context = ''): Promise<Buffer> {
    const iv = randomBytes(ivLength);
    const sealed = Buffer.from(
      await webcrypto.subtle.encrypt(
        { name: 'AES-GCM', iv, additionalData: Buffer.from(context, 'utf8'), tagLength: tagLength * 8 },
        await this.cryptoKey(this.activeKeyId),
        plain,
      ),
    );
    // WebCrypto appends the tag; the stored format keeps it in front of the body.
    const bodyLength = sealed.length - tagLength;
    return this.seal(iv, sealed.subarray(bodyLength), sealed.subarray(0, bodyLength));
  }

  /** decrypt() on the thread pool; reads what either encrypt method wrote. */
  async decryptAsync(sealed: Uint8Array, context = ''): Promise<Buffer> {
    const { keyId, iv, tag, body } = this.open(sealed);
    try {
      return Buffer.from(
        await webcrypto.subtle.decrypt(
          { name: 'AES-GCM', iv, additionalData: Buffer.from(context, 'utf8'), tagLength: tagLength * 8 },
          await this.cryptoKey(keyId),
          Buffer.concat([body, tag]),
        ),
      );
    } catch {
      throw damaged();
    }
  }

  encryptJson(value: unknown, context = ''): string {
    return this.encrypt(Buffer.from(JSON.stringify(value), 'utf8'), context).toString('base64');
  }

  decryptJson<T>(sealed: string, context = ''): T {
    return JSON.parse(this.decrypt(Buffer.from(sealed, 'base64'), context).toString('utf8')) as T;
  }

  /** The stored format, "v1:<key id>:" IV, tag, body; open() reads it. */
  private seal(iv: Uint8Array, tag: Uint8Array, body: Uint8Array): Buffer {
    return Buffer.concat([Buffer.from(`${format}:${this.activeKeyId}:`, 'utf8'), iv, tag, body]);
  }

  /** Splits a sealed value into its parts; throws when the format or the key is unknown. */
  private open(sealed: Uint8Array): Sealed {
    const data = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
    const versionEnd = data.indexOf(0x3a);
    const keyEnd = versionEnd < 0 ? -1 : data.indexOf(0x3a, versionEnd + 1);
    if (versionEnd < 0 || keyEnd < 0 || data.subarray(0, versionEnd).toString('utf8') !== format) {
      throw new PrivacyError('CIPHERTEXT_INVALID', 'The encrypted value has an unknown format.');
    }
    const keyId = data.subarray(versionEnd + 1, keyEnd).toString('utf8');
    if (!this.keys.has(keyId)) {
      throw new PrivacyError(
        'KEY_MISSING',
        `The data key "${keyId}" is not configured; it is needed to read old data.`,
      );
    }
    const ivStart = keyEnd + 1;
    const tagStart = ivStart + ivLength;
    const bodyStart = tagStart + tagLength;
    if (data.length < bodyStart) {
      throw damaged();
    }
    return {
      keyId,
      iv: data.subarray(ivStart, tagStart),
      tag: data.subarray(tagStart, bodyStart),
      body: data.subarray(bodyStart),
    };
  }

  private cryptoKey(keyId: string): Promise<webcrypto.CryptoKey> {
    let key = this.cryptoKeys.get(keyId);
    if (!key) {
      key = webcrypto.subtle.importKey('raw', this.keys.get(keyId)!, 'AES-GCM', false, [
        'encrypt',
        'decrypt',
      ]);
      this.cryptoKeys.set(keyId, key);
    }
    return key;
  }
}

function damaged(): PrivacyError {
  return new PrivacyError(
    'CIPHERTEXT_INVALID',
    'The encrypted value is damaged or belongs to another record.',
  );
}
