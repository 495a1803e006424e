import { DocumentIntakeError } from './document-intake.errors';

/**
 * Resolves like the promise, or rejects with PROCESSING_TIMEOUT after `ms`. `onTimeout` stops the
 * work itself (terminate a worker thread); without it the work goes on unobserved, so use this only
 * for work that has its own bound (sharp's timeout, a thread with a heap limit).
 */
export async function withTimeout<T>(
  work: Promise<T>,
  ms: number,
  what: string,
  onTimeout?: () => void,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout?.();
      reject(
        new DocumentIntakeError('PROCESSING_TIMEOUT', `${what} took longer than ${ms} ms.`, { limit: ms }),
      );
    }, ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
