import { Injectable } from '@nestjs/common';
import { errors, jwtVerify, SignJWT } from 'jose';
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { AppConfig } from '../../config/app-config';
import { ChannelError } from '../channels.errors';
import { resolveTokenKey } from './token-key.util';

const issuer = 'antragslotse';
const audience = 'directline';
/** Verified tokens remembered (about 300 bytes each); the oldest is forgotten first. */
const verifiedTokensKept = 10_000;

export interface DirectLineToken {
  token: string;
  conversationId: string;
  expires_in: number;
}

/** Who is calling: the service secret (any conversation) or a token bound to one conversation. */
export type DirectLineCaller =
  { kind: 'secret' } | { kind: 'token'; conversationId: string; userId?: string; expiresAt: number };

/**
 * Direct Line tokens: HS256 JWTs bound to one conversation id, expiring after
 * DIRECTLINE_TOKEN_TTL_SECONDS, refreshable while still valid.
 */
@Injectable()
export class DirectLineTokenService {
  private readonly key: Uint8Array;
  private readonly secretDigest?: Buffer;
  /**
   * Tokens whose signature was checked, until they expire. Web Chat polls or streams with the same
   * token on every request; checking its HMAC with jose each time took ~7 % of the service's CPU
   * under the conversation benchmark. Only tokens that passed the check get here.
   */
  private readonly verified = new Map<string, Extract<DirectLineCaller, { kind: 'token' }>>();

  constructor(private readonly config: AppConfig) {
    this.key = resolveTokenKey({
      secret: config.DIRECTLINE_TOKEN_SECRET,
      dataDir: config.DATA_DIR,
      production: config.NODE_ENV === 'production',
    });
    if (config.DIRECTLINE_SECRET) {
      this.secretDigest = digest(config.DIRECTLINE_SECRET);
    }
  }

  async issue(conversationId: string, userId?: string): Promise<DirectLineToken> {
    const ttl = this.config.DIRECTLINE_TOKEN_TTL_SECONDS;
    // The claim is called "user" as in Direct Line's own tokens: Web Chat reads the user id from it.
    const jwt = new SignJWT(userId ? { user: userId } : {})
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(issuer)
      .setAudience(audience)
      .setSubject(conversationId)
      .setIssuedAt()
      .setExpirationTime(`${ttl}s`);
    return { token: await jwt.sign(this.key), conversationId, expires_in: ttl };
  }

  /** Reads `Authorization: Bearer <secret or token>`; throws DIRECTLINE_UNAUTHORIZED or _TOKEN_EXPIRED. */
  async authenticate(authorization: string | undefined): Promise<DirectLineCaller> {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match) {
      throw new ChannelError(
        'DIRECTLINE_UNAUTHORIZED',
        'Anmeldung fehlt: Authorization: Bearer <token>. / Missing bearer token.',
      );
    }
    return this.authenticateCredential(match[1]);
  }

  async authenticateCredential(credential: string): Promise<DirectLineCaller> {
    if (this.isSecret(credential)) {
      return { kind: 'secret' };
    }
    return this.verifyToken(credential);
  }

  /** Verifies a token (never the secret): used for the stream URL and refresh. */
  async verifyToken(token: string): Promise<Extract<DirectLineCaller, { kind: 'token' }>> {
    const known = this.verified.get(token);
    if (known) {
      if (known.expiresAt > Date.now()) {
        return known;
      }
      this.verified.delete(token);
      throw expired();
    }
    const caller = await this.checkSignature(token);
    this.verified.set(token, caller);
    if (this.verified.size > verifiedTokensKept) {
      this.verified.delete(this.verified.keys().next().value as string);
    }
    return caller;
  }

  private async checkSignature(token: string): Promise<Extract<DirectLineCaller, { kind: 'token' }>> {
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer, audience, algorithms: ['HS256'] });
      if (typeof payload.sub !== 'string' || typeof payload.exp !== 'number') {
        throw new Error('incomplete');
      }
      return {
        kind: 'token',
        conversationId: payload.sub,
        userId: typeof payload.user === 'string' ? payload.user : undefined,
        expiresAt: payload.exp * 1000,
      };
    } catch (error) {
      if (error instanceof errors.JWTExpired) {
        throw expired();
      }
      throw new ChannelError('DIRECTLINE_UNAUTHORIZED', 'Ungültiger Zugang. / Invalid secret or token.');
    }
  }

  /** A token may only touch its own conversation; the secret may touch any. */
  assertConversation(caller: DirectLineCaller, conversationId: string): void {
    if (caller.kind === 'token' && caller.conversationId !== conversationId) {
      throw new ChannelError(
        'DIRECTLINE_FORBIDDEN',
        'Dieser Zugang gehört zu einem anderen Gespräch. / The token belongs to another conversation.',
      );
    }
  }

  /**
   * Signature for an attachment's contentUrl: Web Chat shows images with <img src>, which sends no
   * token, so the URL itself carries the proof, bound to this conversation and this attachment.
   */
  signAttachment(conversationId: string, attachmentId: string): string {
    return createHmac('sha256', this.key)
      .update(`attachment:${conversationId}:${attachmentId}`)
      .digest('base64url');
  }

  verifyAttachment(conversationId: string, attachmentId: string, signature: string): boolean {
    const expected = Buffer.from(this.signAttachment(conversationId, attachmentId));
    const given = Buffer.from(signature);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private isSecret(credential: string): boolean {
    // Compare digests of equal length in constant time, so the secret cannot be guessed byte by byte.
    return this.secretDigest !== undefined && timingSafeEqual(digest(credential), this.secretDigest);
  }
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

function expired(): ChannelError {
  return new ChannelError('DIRECTLINE_TOKEN_EXPIRED', 'Der Zugang ist abgelaufen. / The token has expired.');
}
