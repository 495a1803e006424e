import { readFile } from 'node:fs/promises';
import { Injectable } from '@nestjs/common';
import { loadPdf } from './load-pdf.util';
import { PdfError } from './pdf.errors';
import { PreparedTemplate } from './prepared-template.types';
import { removeUnreachableObjects } from './remove-unreachable-objects.util';
import { removeXfa } from './remove-xfa.util';
import { sha256Hex } from './sha256.util';

/**
 * Verifies an official template against the SHA-256 its form definition names and makes a
 * decrypted, XFA-free copy of it. The copy is made once per template and kept in memory (keyed by
 * the hash), because decrypting and rewriting the official file costs several times a warm fill.
 * Once a hash is prepared, later calls neither read nor re-hash the file: the cached copy was made
 * from exactly the expected bytes.
 */
@Injectable()
export class TemplatePreparerService {
  private readonly prepared = new Map<string, Promise<PreparedTemplate>>();

  /**
   * Reads the template at `templatePath`, checks its hash and returns the prepared copy.
   * Throws PdfError TEMPLATE_NOT_INSTALLED when the file is missing and TEMPLATE_HASH_MISMATCH when
   * it is not the edition the definition was written for.
   */
  async prepare(templatePath: string, expectedSha256: string): Promise<PreparedTemplate> {
    const expected = expectedSha256.toLowerCase();
    const cached = this.prepared.get(expected);
    if (cached) {
      return cached;
    }
    // Concurrent first fills share one preparation; a failed one is not kept.
    const preparation = readAndPrepare(templatePath, expected).catch((error: unknown) => {
      this.prepared.delete(expected);
      throw error;
    });
    this.prepared.set(expected, preparation);
    return preparation;
  }

  /** Forgets prepared copies, e.g. after an operator installed a new edition. */
  clear(): void {
    this.prepared.clear();
  }
}

async function readAndPrepare(templatePath: string, expected: string): Promise<PreparedTemplate> {
  const original = await readTemplate(templatePath);
  const actual = sha256Hex(original);
  if (actual !== expected) {
    throw new PdfError(
      'TEMPLATE_HASH_MISMATCH',
      `The template ${templatePath} has SHA-256 ${actual}, but ${expected} was expected. ` +
        'Install the edition the form definition was written for.',
    );
  }
  return prepareBytes(original, expected);
}

async function readTemplate(templatePath: string): Promise<Uint8Array> {
  try {
    return await readFile(templatePath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new PdfError('TEMPLATE_NOT_INSTALLED', `The official template ${templatePath} is not installed.`);
    }
    throw error;
  }
}

async function prepareBytes(original: Uint8Array, sha256: string): Promise<PreparedTemplate> {
  // preserveXfa so that the library does not strip it with a console warning; we remove it ourselves.
  const doc = await loadPdf(original, { preserveXfa: true });
  removeXfa(doc);
  removeUnreachableObjects(doc.context);
  const bytes = await doc.save({ useObjectStreams: true, updateFieldAppearances: false });
  return { sha256, templateSize: original.length, bytes, bytesSha256: sha256Hex(bytes) };
}
