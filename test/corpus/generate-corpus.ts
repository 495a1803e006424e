// Generates the letter test corpus: invented letters from templates, each as a digital PDF and as
// images (clean 300 dpi, 150 dpi, turned by 90 degrees, phone photo, scanned PDF), with ground truth.
//   npm run --silent corpus:generate -- [--seed 20261130] [--per-template 2] [--out data/corpus]
// The output folder is git-ignored (data/); the same seed always gives the same letters.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildLetterSpecs } from './letter-templates';
import { renderLetterPdf } from './render-letter-pdf';
import { renderVariants, VARIANT_FILES, VARIANTS } from './render-variants';
import { SeededRandom } from './seeded-random';

export const DEFAULT_SEED = 20261130;

export interface CorpusOptions {
  seed: number;
  perTemplate: number;
  out: string;
}

export interface CorpusManifestEntry {
  id: string;
  form: 'A' | 'B';
  files: Record<string, string>;
  truth: string;
}

export async function generateCorpus(options: CorpusOptions): Promise<CorpusManifestEntry[]> {
  const specs = buildLetterSpecs(new SeededRandom(options.seed), options.perTemplate);
  const manifest: CorpusManifestEntry[] = [];
  for (const [index, spec] of specs.entries()) {
    const folder = join(options.out, spec.id);
    mkdirSync(folder, { recursive: true });
    const variants = await renderVariants(await renderLetterPdf(spec), options.seed + index);
    const files: Record<string, string> = {};
    for (const variant of VARIANTS) {
      const bytes = variants.get(variant);
      if (bytes) {
        writeFileSync(join(folder, VARIANT_FILES[variant]), bytes);
        files[variant] = join(spec.id, VARIANT_FILES[variant]);
      }
    }
    writeFileSync(join(folder, 'truth.json'), `${JSON.stringify(spec.truth, null, 2)}\n`);
    manifest.push({ id: spec.id, form: spec.form, files, truth: join(spec.id, 'truth.json') });
  }
  writeFileSync(
    join(options.out, 'manifest.json'),
    `${JSON.stringify({ seed: options.seed, letters: manifest }, null, 2)}\n`,
  );
  return manifest;
}

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

if (require.main === module) {
  const options: CorpusOptions = {
    seed: Number(argument('seed') ?? DEFAULT_SEED),
    perTemplate: Number(argument('per-template') ?? 2),
    out: resolve(argument('out') ?? 'data/corpus'),
  };
  const started = Date.now();
  generateCorpus(options).then(
    (manifest) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      process.stdout.write(
        `${manifest.length} letters x ${VARIANTS.length} variants in ${options.out} (${seconds} s)\n`,
      );
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
