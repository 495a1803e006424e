import { LocalizedText } from '../definition/localized-text.types';
import { PathSegment, ProblemCollector } from './problem-collector';

// Small typed readers over the parsed YAML. Each reports what is wrong and returns undefined,
// so validation goes on and all problems are listed together.

export type RawObject = Record<string, unknown>;

export function isObject(value: unknown): value is RawObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function describe(value: unknown): string {
  if (value === null) {
    return 'null';
  }
  if (Array.isArray(value)) {
    return 'a list';
  }
  if (typeof value === 'object') {
    return 'a mapping';
  }
  return `${typeof value} ${JSON.stringify(value)}`;
}

export function readObject(
  value: unknown,
  path: PathSegment[],
  problems: ProblemCollector,
): RawObject | undefined {
  if (isObject(value)) {
    return value;
  }
  problems.add(path, `must be a mapping (key: value), got ${describe(value)}`);
  return undefined;
}

export function checkKeys(
  raw: RawObject,
  allowed: readonly string[],
  path: PathSegment[],
  problems: ProblemCollector,
): void {
  for (const key of Object.keys(raw)) {
    if (!allowed.includes(key)) {
      problems.add([...path, key], `unknown key "${key}" (allowed: ${allowed.join(', ')})`);
    }
  }
}

export function readString(
  raw: RawObject,
  key: string,
  path: PathSegment[],
  problems: ProblemCollector,
  required = true,
): string | undefined {
  const value = raw[key];
  if (value === undefined || value === null) {
    if (required) {
      problems.add([...path, key], `required key "${key}" is missing`);
    }
    return undefined;
  }
  if (typeof value === 'string' && value.trim() !== '') {
    return value;
  }
  problems.add([...path, key], `must be a non-empty text, got ${describe(value)}`);
  return undefined;
}

export function readBoolean(
  raw: RawObject,
  key: string,
  path: PathSegment[],
  problems: ProblemCollector,
): boolean | undefined {
  const value = raw[key];
  if (value === undefined) {
    return undefined;
  }
  if (typeof value === 'boolean') {
    return value;
  }
  problems.add([...path, key], `must be true or false, got ${describe(value)}`);
  return undefined;
}

export function readNumber(
  raw: RawObject,
  key: string,
  path: PathSegment[],
  problems: ProblemCollector,
  options: { required?: boolean; integer?: boolean; positive?: boolean } = {},
): number | undefined {
  const value = raw[key];
  if (value === undefined || value === null) {
    if (options.required) {
      problems.add([...path, key], `required key "${key}" is missing`);
    }
    return undefined;
  }
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (!options.integer || Number.isInteger(value)) &&
    (!options.positive || value > 0);
  if (ok) {
    return value;
  }
  const wanted = options.positive
    ? 'a positive whole number'
    : options.integer
      ? 'a whole number'
      : 'a number';
  problems.add([...path, key], `must be ${wanted}, got ${describe(value)}`);
  return undefined;
}

export function readStringList(
  raw: RawObject,
  key: string,
  path: PathSegment[],
  problems: ProblemCollector,
): string[] | undefined {
  const value = raw[key];
  if (value === undefined) {
    return undefined;
  }
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
    return value;
  }
  problems.add([...path, key], `must be a list of texts`);
  return undefined;
}

/** `{ de: "...", en: "..." }`; German is required because families and Kümmerer read it. */
export function readLocalized(
  raw: RawObject,
  key: string,
  path: PathSegment[],
  problems: ProblemCollector,
  required = true,
): LocalizedText | undefined {
  const value = raw[key];
  if (value === undefined || value === null) {
    if (required) {
      problems.add([...path, key], `required key "${key}" is missing`);
    }
    return undefined;
  }
  if (!isObject(value)) {
    problems.add([...path, key], `must be a mapping of languages, e.g. { de: "...", en: "..." }`);
    return undefined;
  }
  let valid = true;
  for (const [language, text] of Object.entries(value)) {
    if (typeof text !== 'string') {
      problems.add([...path, key, language], `must be a text, got ${describe(text)}`);
      valid = false;
    }
  }
  if (typeof value.de !== 'string' || value.de.trim() === '') {
    problems.add([...path, key], 'German text "de" is missing');
    valid = false;
  }
  return valid ? (value as LocalizedText) : undefined;
}
