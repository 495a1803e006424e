import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** Resolves a path inside the project (next to package.json), from src/ or from dist/src/ alike. */
export function projectPath(...segments: string[]): string {
  let dir = resolve(__dirname);
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) {
    dir = dirname(dir);
  }
  return join(dir, ...segments);
}
