import { Injectable } from '@nestjs/common';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sha256Hex } from '../sha256.util';
import type { KnownTemplate } from './list-form-templates.util';
import { writeFileAtomically } from './write-file-atomically.util';

export type InstallOutcome =
  | {
      status: 'installed' | 'replaced' | 'unchanged';
      source: string;
      sha256: string;
      template: KnownTemplate;
      target: string;
    }
  | { status: 'unknown'; source: string; sha256: string };

/**
 * Installs an official PDF as the template of the form definition whose `template.sha256` matches
 * it. The hash is the only proof that the file is the edition the definition was written for.
 */
@Injectable()
export class TemplateInstallService {
  /** Reads `source` once; the bytes that were hashed are the bytes that are written. */
  async install(source: string, known: KnownTemplate[], templateDir: string): Promise<InstallOutcome> {
    const bytes = await readFile(source);
    const sha256 = sha256Hex(bytes);
    const template = known.find((candidate) => candidate.sha256 === sha256);
    if (!template) {
      return { status: 'unknown', source, sha256 };
    }

    const target = join(templateDir, template.file);
    const existing = await readIfPresent(target);
    if (existing && sha256Hex(existing) === sha256) {
      return { status: 'unchanged', source, sha256, template, target };
    }

    await mkdir(templateDir, { recursive: true });
    await writeFileAtomically(target, bytes);
    return { status: existing ? 'replaced' : 'installed', source, sha256, template, target };
  }
}

async function readIfPresent(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return undefined;
    }
    throw error;
  }
}
