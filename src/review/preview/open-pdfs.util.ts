import { OpenedPdf, openPdf } from './pdf-page-render.util';

interface Entry {
  document: Promise<OpenedPdf>;
  users: number;
  lastUsed: number;
}

/**
 * A few PDFs kept open with pdf.js, so that the pages of one form are drawn from one parsed
 * document (about 190 ms a page instead of 800 ms when each page opened the file again). Least
 * recently used first out beyond `max`, closed after `idleMs` without use; a document in use is
 * never closed under its user.
 */
export class OpenPdfs {
  private readonly entries = new Map<string, Entry>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly max = 4,
    private readonly idleMs = 60_000,
  ) {
    this.sweeper = setInterval(() => void this.closeIdle(), Math.max(250, idleMs / 2));
    this.sweeper.unref();
  }

  /** Runs `use` with the opened document of `key`, opening it from `load()` when needed. */
  async with<T>(
    key: string,
    load: () => Promise<Uint8Array>,
    use: (document: OpenedPdf) => Promise<T>,
  ): Promise<T> {
    let entry = this.entries.get(key);
    if (entry) {
      entry.users++;
    } else {
      // In use from the start: making room never closes the document about to be used.
      entry = { document: load().then(openPdf), users: 1, lastUsed: Date.now() };
      this.entries.set(key, entry);
      entry.document.catch(() => this.entries.delete(key));
      await this.evict();
    }
    try {
      return await use(await entry.document);
    } finally {
      entry.users--;
      entry.lastUsed = Date.now();
    }
  }

  /** Whether `key` is open (or being opened): `with` would not call its `load`. */
  has(key: string): boolean {
    return this.entries.has(key);
  }

  get size(): number {
    return this.entries.size;
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
    const entries = [...this.entries.values()];
    this.entries.clear();
    await Promise.all(entries.map((entry) => destroy(entry)));
  }

  /** Closes the least recently used documents nobody uses while there are more than `max`. */
  private async evict(): Promise<void> {
    const idle = [...this.entries.entries()]
      .filter(([, entry]) => entry.users === 0)
      .sort(([, a], [, b]) => a.lastUsed - b.lastUsed);
    while (this.entries.size > this.max && idle.length > 0) {
      const [key, entry] = idle.shift()!;
      this.entries.delete(key);
      await destroy(entry);
    }
  }

  private async closeIdle(): Promise<void> {
    const limit = Date.now() - this.idleMs;
    for (const [key, entry] of [...this.entries.entries()]) {
      if (entry.users === 0 && entry.lastUsed < limit) {
        this.entries.delete(key);
        await destroy(entry);
      }
    }
  }
}

async function destroy(entry: Entry): Promise<void> {
  await entry.document.then((document) => document.destroy()).catch(() => undefined);
}
