import { toPgm, type GreyPage } from './preprocess-page.util';
import { findSplitRows } from './split-row.util';
import type {
  HelperRequest,
  LentWorker,
  RecognizeOptions,
  RecognizeResult,
  TesseractWorkerPool,
} from './tesseract-worker-pool';

/** A stripe read: where it lies on the page and what tesseract found in it. */
export type StripeReading = { top: number; height: number } & RecognizeResult;

/** Rows to cut the page at for up to `most` stripes (fewer when no cut gives that many); none: read whole. */
export function splitRows(page: GreyPage, most: number): number[] {
  for (let parts = most; parts >= 2; parts -= 1) {
    const rows = findSplitRows(page.grey, page.width, page.height, parts);
    if (rows.length > 0) {
      return rows;
    }
  }
  return [];
}

/**
 * Reads `page` in stripes when no other page waits for a worker (undefined: read it whole). The
 * page's own worker and up to one helper per other worker, idle now or free later (lendWhenFree),
 * take the stripes one by one: alone, a page is read on every core at once; the last page of a
 * burst is finished by the worker that comes free first instead of one worker alone while the
 * other idles. Requests for helpers are withdrawn once every stripe is taken.
 */
export async function readStripes(
  pool: TesseractWorkerPool,
  page: GreyPage,
  edges: number[],
  own: LentWorker,
  options: RecognizeOptions,
  onFraction: (fraction: number) => void,
): Promise<StripeReading[]> {
  const count = edges.length - 1;
  const fractions = new Array<number>(count).fill(0);
  const readings: StripeReading[] = [];
  const helpers: HelperRequest<void>[] = [];
  let next = 0;
  let failure: { error: unknown } | undefined;
  const withdrawHelpers = () => helpers.forEach((helper) => helper.cancel());
  const readFrom = async (reader: LentWorker): Promise<void> => {
    while (next < count && !failure) {
      const index = next++;
      if (next === count) {
        withdrawHelpers();
      }
      const [top, bottom] = [edges[index], edges[index + 1]];
      try {
        const reading = await reader.recognize(toPgm(page, top, bottom), options, (fraction) => {
          fractions[index] = fraction;
          onFraction(fractions.reduce((sum, value) => sum + value, 0) / count);
        });
        readings[index] = { top, height: bottom - top, ...reading };
      } catch (error) {
        failure ??= { error };
        withdrawHelpers();
      }
    }
  };
  // A helper with an idle worker starts at once and may take stripes before the loop goes on.
  for (let asked = 0; asked < Math.min(count, pool.size) - 1 && next < count; asked++) {
    helpers.push(pool.lendWhenFree(readFrom));
  }
  await Promise.all([readFrom(own), ...helpers.map((helper) => helper.result)]);
  if (failure) {
    throw failure.error;
  }
  return readings;
}
