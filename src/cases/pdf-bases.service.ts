import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { readContent } from '../database/binary-content.util';
import { placeholder, placeholders } from '../database/plain-sql.util';
import { sha256Hex } from '../pdf/sha256.util';
import type { PdfBase } from '../pdf/workers/pdf-render-job.types';

/** Bases kept in memory for reading drafts: one per official template, so a handful. */
const cachedBases = 8;

/**
 * The bases of drafts stored as incremental updates: each prepared official template once, in the
 * clear (a public form), under the SHA-256 of its bytes (table pdf_bases). A draft is its base
 * followed by its decrypted update. Bases are never deleted: the drafts of many cases share one,
 * and none holds personal data.
 */
@Injectable()
export class PdfBasesService {
  /** Bases known to be in the database: checked once per process. */
  private readonly stored = new Set<string>();
  private readonly cache = new Map<string, Promise<Buffer>>();

  constructor(private readonly dataSource: DataSource) {}

  /**
   * Stores the bases that are not stored yet (before the documents that name them). The first
   * draft of a template writes its 1.4 MB once; every later one only looks it up, once a process.
   */
  async store(bases: ReadonlyArray<PdfBase | undefined>): Promise<void> {
    for (const base of bases) {
      if (!base || this.stored.has(base.sha256)) {
        continue;
      }
      if (!(await this.exists(base.sha256))) {
        const bytes = await base.read();
        if (sha256Hex(bytes) !== base.sha256) {
          throw new Error(`The PDF base ${base.sha256} does not have that SHA-256; it was not stored.`);
        }
        // Two instances (or fills) may store the same base at once: the second insert does nothing.
        await this.dataSource.query(
          `INSERT INTO "pdf_bases" ("sha256", "size_bytes", "content") VALUES (${placeholders(this.dataSource, 3)})
           ON CONFLICT ("sha256") DO NOTHING`,
          [base.sha256, bytes.length, bytes],
        );
      }
      this.stored.add(base.sha256);
    }
  }

  /** The whole PDF of a document stored as an update over the base `sha256`. */
  async join(sha256: string, update: Buffer): Promise<Buffer> {
    return Buffer.concat([await this.read(sha256), update]);
  }

  private read(sha256: string): Promise<Buffer> {
    let base = this.cache.get(sha256);
    if (!base) {
      base = readContent(this.dataSource, 'pdf_bases', { sha256 }).then((content) => {
        if (!content) {
          throw new Error(`The PDF base ${sha256} that a stored draft names is missing.`);
        }
        return content;
      });
      base.catch(() => this.cache.delete(sha256));
      if (this.cache.size >= cachedBases) {
        this.cache.delete(this.cache.keys().next().value!);
      }
      this.cache.set(sha256, base);
    }
    return base;
  }

  private async exists(sha256: string): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>(
      `SELECT 1 FROM "pdf_bases" WHERE "sha256" = ${placeholder(this.dataSource, 1)}`,
      [sha256],
    );
    return rows.length > 0;
  }
}
