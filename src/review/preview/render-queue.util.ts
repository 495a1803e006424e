/**
 * Renders one page image at a time, in the order asked, and joins requests for the same page.
 * pdf.js draws in one thread (PageRenderThread): several pages at once only interleave, so every
 * one of them arrives late (13 pages at once: the first after 5.5 s); one after the other, the first page
 * the browser asks for arrives after one rendering, and the rest follow.
 */
export class RenderQueue<T> {
  private tail: Promise<unknown> = Promise.resolve();
  private readonly running = new Map<string, Promise<T>>();

  /** Runs `task` after those queued before it; a second call with the same key gets the same result. */
  run(key: string, task: () => Promise<T>): Promise<T> {
    const existing = this.running.get(key);
    if (existing) {
      return existing;
    }
    const result = this.tail.then(task, task);
    this.running.set(key, result);
    const done = () => {
      this.running.delete(key);
    };
    this.tail = result.then(done, done);
    return result;
  }

  /** Pages waiting or being drawn. */
  get size(): number {
    return this.running.size;
  }
}
