// Where a question, section or computed entry was found in its file. Entries that fail validation
// are dropped from the typed definition, so list positions alone would point at the wrong line.
const paths = new WeakMap<object, Array<string | number>>();

export function rememberSourcePath<T extends object>(entry: T, path: Array<string | number>): T {
  paths.set(entry, path);
  return entry;
}

export function sourcePathOf(entry: object): Array<string | number> | undefined {
  return paths.get(entry);
}
