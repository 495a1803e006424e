/**
 * True when `a` becomes `b` by at most one edit: one letter inserted, deleted, replaced, or two
 * neighbouring letters swapped (Damerau-Levenshtein distance <= 1). Linear time, no matrix.
 */
export function isWithinOneEdit(a: string, b: string): boolean {
  const left = [...a];
  const right = [...b];
  if (Math.abs(left.length - right.length) > 1) {
    return false;
  }
  let start = 0;
  while (start < left.length && start < right.length && left[start] === right[start]) {
    start++;
  }
  let endLeft = left.length;
  let endRight = right.length;
  while (endLeft > start && endRight > start && left[endLeft - 1] === right[endRight - 1]) {
    endLeft--;
    endRight--;
  }
  const differentLeft = endLeft - start;
  const differentRight = endRight - start;
  if (differentLeft <= 1 && differentRight <= 1) {
    return true; // equal, one insertion, one deletion or one replacement
  }
  // Swapped neighbours: "verhieratet" for "verheiratet".
  return (
    differentLeft === 2 &&
    differentRight === 2 &&
    left[start] === right[start + 1] &&
    left[start + 1] === right[start]
  );
}
