import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { isUniqueViolation, placeholder, placeholders } from '../../database/plain-sql.util';
import type { Activity } from 'botbuilder';
import { DataCipher } from '../../privacy/data-cipher.service';
import { ChannelError } from '../channels.errors';
import { ACTIVITY_BUS, ActivityBus } from '../events/activity-bus.types';

export interface ActivityPage {
  activities: Activity[];
  /** Position of the last activity returned, or the watermark asked for when there was nothing new. */
  watermark?: string;
}

const appendAttempts = 3;

/**
 * The conversation log in the database. Appending takes the next watermark (max + 1, guarded by
 * the primary key; on PostgreSQL under a per-conversation advisory lock), so it is safe across
 * turns, proactive messages and app instances, and readers never see a gap that is filled later.
 */
@Injectable()
export class ActivityLogService {
  private readonly postgres: boolean;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cipher: DataCipher,
    @Inject(ACTIVITY_BUS) private readonly bus: ActivityBus,
  ) {
    this.postgres = dataSource.options.type === 'postgres';
  }

  async createConversation(userId?: string): Promise<string> {
    const id = randomBytes(16).toString('base64url');
    await this.dataSource.query(
      `INSERT INTO "directline_conversations" ("id", "user_id") VALUES (${placeholders(this.dataSource, 2)})`,
      [id, userId ?? null],
    );
    return id;
  }

  async exists(conversationId: string): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>(
      `SELECT 1 FROM "directline_conversations" WHERE "id" = ${placeholder(this.dataSource, 1)}`,
      [conversationId],
    );
    return rows.length > 0;
  }

  async assertExists(conversationId: string): Promise<void> {
    if (!(await this.exists(conversationId))) {
      throw new ChannelError(
        'DIRECTLINE_CONVERSATION_NOT_FOUND',
        'Gespräch nicht gefunden. / Conversation not found.',
      );
    }
  }

  /** Stores the activity (id and timestamp assigned here), tells subscribers, returns the stored copy. */
  async append(conversationId: string, activity: Partial<Activity>): Promise<Activity> {
    return (await this.appendAll(conversationId, [activity]))[0];
  }

  /**
   * Stores activities one after the other in ONE transaction (the replies of a turn: one commit,
   * one fsync on SQLite, instead of one each), then tells subscribers. Returns the stored copies.
   */
  async appendAll(conversationId: string, activities: Partial<Activity>[]): Promise<Activity[]> {
    const { stored, bodies } = this.prepare(conversationId, activities);
    for (let attempt = 1; ; attempt++) {
      try {
        const watermarks = await this.insertNext(conversationId, bodies);
        // One event for the batch: subscribers read everything after their own watermark.
        await this.bus.publish({ conversationId, watermark: watermarks[watermarks.length - 1] });
        return withIds(conversationId, stored, watermarks);
      } catch (error) {
        // Safety net: the place was taken in the same instant; take the next one.
        if (!isUniqueViolation(error) || attempt >= appendAttempts) {
          throw error;
        }
      }
    }
  }

  /**
   * appendAll inside a transaction the caller commits (the bot turn's, with its state: one commit
   * instead of two). Subscribers must be told after the commit, with `publish`, never before.
   */
  async appendAllWithin(
    manager: EntityManager,
    conversationId: string,
    activities: Partial<Activity>[],
  ): Promise<{ stored: Activity[]; publish: () => Promise<void> }> {
    const { stored, bodies } = this.prepare(conversationId, activities);
    const watermarks = await this.insertNextWithin(manager, conversationId, bodies);
    return {
      stored: withIds(conversationId, stored, watermarks),
      publish: () => this.bus.publish({ conversationId, watermark: watermarks[watermarks.length - 1] }),
    };
  }

  private prepare(conversationId: string, activities: Partial<Activity>[]) {
    const timestamp = new Date().toISOString();
    const stored = activities.map((activity) => {
      // The id is the log position, known only after the insert; it is derived on every read.
      const rest = { ...activity };
      delete rest.id;
      return { ...rest, timestamp, conversation: { ...(activity.conversation ?? {}), id: conversationId } };
    });
    const bodies = stored.map((activity) => this.cipher.encryptJson(activity, context(conversationId)));
    return { stored, bodies };
  }

  /**
   * One INSERT … SELECT max + i for the whole batch. SQLite has one writer, so the statement is
   * atomic. PostgreSQL has many (instances, pool connections): a transaction-scoped advisory lock
   * per conversation makes the next writer wait until these rows are committed, so positions are
   * handed out and become visible in order; a reader never skips a position that appears later.
   */
  private async insertNext(conversationId: string, bodies: string[]): Promise<number[]> {
    if (!this.postgres) {
      // One statement, so one commit without a transaction around it.
      return this.insertNextWithin(this.dataSource.manager, conversationId, bodies);
    }
    return this.dataSource.transaction((manager) => this.insertNextWithin(manager, conversationId, bodies));
  }

  /** The INSERT of insertNext, run by `manager` (in its transaction on PostgreSQL). */
  private async insertNextWithin(
    manager: EntityManager,
    conversationId: string,
    bodies: string[],
  ): Promise<number[]> {
    if (!this.postgres) {
      // The i-th body takes max + i.
      const rows = bodies.map((_, index) => `SELECT ?, "base"."last" + ${index + 1}, ? FROM "base"`);
      const inserted = await manager.query<Array<{ watermark: number }>>(
        `WITH "base" AS (
           SELECT COALESCE(MAX("watermark"), -1) AS "last" FROM "directline_activities" WHERE "conversation_id" = ?
         )
         INSERT INTO "directline_activities" ("conversation_id", "watermark", "body")
         ${rows.join(' UNION ALL ')}
         RETURNING "watermark"`,
        [conversationId, ...bodies.flatMap((body) => [conversationId, body])],
      );
      return inserted.map((row) => Number(row.watermark)).sort((a, b) => a - b);
    }
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`directline:${conversationId}`]);
    // The i-th body (1-based ordinality) takes max + i.
    const rows = await manager.query<Array<{ watermark: number }>>(
      `INSERT INTO "directline_activities" ("conversation_id", "watermark", "body")
       SELECT $1::varchar, "base"."last" + "batch"."position", "batch"."body"
       FROM (SELECT COALESCE(MAX("watermark"), -1) AS "last" FROM "directline_activities" WHERE "conversation_id" = $1) AS "base",
            unnest($2::text[]) WITH ORDINALITY AS "batch"("body", "position")
       RETURNING "watermark"`,
      [conversationId, bodies],
    );
    return rows.map((row) => Number(row.watermark)).sort((a, b) => a - b);
  }

  /** Activities after `watermark` (all when absent), oldest first, at most `limit`. */
  async listAfter(conversationId: string, watermark: string | undefined, limit = 100): Promise<ActivityPage> {
    const after = parseWatermark(watermark);
    const rows = await this.dataSource.query<Array<{ watermark: number; body: string }>>(
      `SELECT "watermark", "body" FROM "directline_activities"
       WHERE "conversation_id" = ${placeholder(this.dataSource, 1)} AND "watermark" > ${placeholder(this.dataSource, 2)}
       ORDER BY "watermark" LIMIT ${placeholder(this.dataSource, 3)}`,
      [conversationId, after, limit],
    );
    const activities = rows.map((row) => ({
      ...this.cipher.decryptJson<Activity>(row.body, context(conversationId)),
      id: activityId(conversationId, Number(row.watermark)),
    }));
    const last =
      rows.length > 0 ? String(rows[rows.length - 1].watermark) : after >= 0 ? String(after) : undefined;
    return { activities, watermark: last };
  }
}

function withIds(conversationId: string, stored: readonly object[], watermarks: number[]): Activity[] {
  return stored.map((activity, index) => ({
    ...(activity as unknown as Activity),
    id: activityId(conversationId, watermarks[index]),
  }));
}

/** Direct Line style activity ids: "<conversation id>|0000042". */
export function activityId(conversationId: string, watermark: number): string {
  return `${conversationId}|${String(watermark).padStart(7, '0')}`;
}

function parseWatermark(watermark: string | undefined): number {
  if (watermark === undefined || watermark === '') {
    return -1;
  }
  const value = Number(watermark);
  if (!Number.isInteger(value) || value < -1) {
    throw new ChannelError('DIRECTLINE_ACTIVITY_INVALID', 'Ungültiges Wasserzeichen. / Invalid watermark.');
  }
  return value;
}

function context(conversationId: string): string {
  return `directline-activity:${conversationId}`;
}
