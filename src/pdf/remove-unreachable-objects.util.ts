import { PDFArray, PDFContext, PDFDict, PDFObject, PDFRef, PDFStream } from '@cantoo/pdf-lib';

/**
 * Deletes every indirect object that the document no longer references from its trailer
 * (/Root, /Info). pdf-lib writes all objects it parsed, so without this the removed XFA
 * streams, the usage-rights signature and the old cross-reference streams of the encrypted
 * original (which still name /Encrypt) would end up in every filled copy.
 * Returns the number of objects removed.
 */
export function removeUnreachableObjects(context: PDFContext): number {
  const reachable = new Set<PDFRef>();
  const pending: PDFObject[] = [context.trailerInfo.Root, context.trailerInfo.Info].filter(
    (root): root is PDFObject => root !== undefined,
  );
  while (pending.length > 0) {
    let current: PDFObject | undefined = pending.pop();
    if (current instanceof PDFRef) {
      if (reachable.has(current)) {
        continue;
      }
      reachable.add(current);
      current = context.lookup(current);
    }
    if (current instanceof PDFStream) {
      current = current.dict;
    }
    if (current instanceof PDFDict) {
      for (const [, value] of current.entries()) {
        pending.push(value);
      }
    } else if (current instanceof PDFArray) {
      for (let index = 0; index < current.size(); index++) {
        pending.push(current.get(index));
      }
    }
  }
  let removed = 0;
  for (const [ref] of context.enumerateIndirectObjects()) {
    if (!reachable.has(ref)) {
      context.delete(ref);
      removed++;
    }
  }
  return removed;
}
