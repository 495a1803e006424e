import { copyFileSync, existsSync, mkdirSync, readlinkSync, renameSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export type TesseractLanguage = 'deu' | 'eng' | 'osd';

/** Options for tesseract.js createWorker that make it read everything from node_modules. */
export interface LocalTesseractOptions {
  workerPath: string;
  corePath: string;
  langPath: string;
  cacheMethod: 'none';
  gzip: true;
}

/** The traineddata file of a @tesseract.js-data package (integer LSTM model: small and fast). */
export function traineddataPath(language: TesseractLanguage): string {
  const packageDir = dirname(require.resolve(`@tesseract.js-data/${language}/package.json`));
  return join(packageDir, '4.0.0_best_int', `${language}.traineddata.gz`);
}

let prepared: string | undefined;

/**
 * Paths on this machine for the worker script, the wasm core and the language data, so tesseract.js
 * never falls back to its CDN defaults. tesseract.js reads all languages from one folder, and each
 * language lives in its own npm package: the folder holds links to the package files (copies where
 * links are not allowed). cacheMethod 'none': nothing is written next to the process.
 */
export function localTesseractOptions(): LocalTesseractOptions {
  prepared ??= prepareLanguageFolder();
  return {
    workerPath: require.resolve('tesseract.js/src/worker-script/node/index.js'),
    // In Node the worker loads the core with require() from tesseract.js-core; this names the same folder.
    corePath: dirname(require.resolve('tesseract.js-core/package.json')),
    langPath: prepared,
    cacheMethod: 'none',
    gzip: true,
  };
}

function prepareLanguageFolder(): string {
  const folder = join(tmpdir(), `antragslotse-tessdata-${process.getuid?.() ?? 'user'}`);
  mkdirSync(folder, { recursive: true });
  for (const language of ['deu', 'eng', 'osd'] as const) {
    const source = traineddataPath(language);
    const target = join(folder, `${language}.traineddata.gz`);
    if (existsSync(target) && safeReadlink(target) === source) {
      continue;
    }
    const temporary = `${target}.${process.pid}.tmp`;
    try {
      symlinkSync(source, temporary);
    } catch {
      copyFileSync(source, temporary);
    }
    // rename over the old entry: atomic, so parallel processes never see a half-made folder.
    renameSync(temporary, target);
  }
  return folder;
}

function safeReadlink(path: string): string | undefined {
  try {
    return readlinkSync(path);
  } catch {
    return undefined;
  }
}
