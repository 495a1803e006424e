import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

// The genuine Familienkasse PDFs are not part of the repository (see ../shared/forms/official/SOURCES.md).
// Tests find them here, or where OFFICIAL_FORMS_DIR points.
export const officialFormsDir = resolve(
  process.env.OFFICIAL_FORMS_DIR ?? join(__dirname, '..', '..', '..', '..', 'shared', 'forms', 'official'),
);

export const officialForms = {
  kg1: 'kg1-antrag-auf-kindergeld-2025-09.pdf',
  kg1AnlageKind: 'kg1-anlage-kind-2025-09.pdf',
  kiz1: 'kiz1-antrag-auf-kinderzuschlag-2025-01.pdf',
  kiz1AnlageKind: 'kiz1-ank-anlage-kind-2025-01.pdf',
  kiz1AnlageAntragsteller: 'kiz1-ana-anlage-antragsteller-partner-2024-09.pdf',
} as const;

export function officialFormPath(file: string): string {
  return join(officialFormsDir, file);
}

/**
 * For node:test's `skip` option: false when the official PDFs are present, otherwise the reason
 * the test is skipped (it is printed by the runner).
 */
export const skipWithoutOfficialForms: false | string = existsSync(officialFormPath(officialForms.kg1))
  ? false
  : `official form PDFs not found in ${officialFormsDir} (set OFFICIAL_FORMS_DIR)`;
