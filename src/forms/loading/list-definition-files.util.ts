import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface DefinitionFiles {
  /** Folder name (the expected form id) and path of each `forms/<id>/form.yaml`. */
  forms: Array<{ folder: string; path: string }>;
  /** Each `forms/applications/*.yaml`. */
  applications: string[];
}

export const APPLICATIONS_FOLDER = 'applications';

/** Finds the definition files; sorted so messages come out in a stable order. */
export function listDefinitionFiles(formsDir: string): DefinitionFiles {
  const forms: DefinitionFiles['forms'] = [];
  for (const folder of readdirSync(formsDir).sort()) {
    const path = join(formsDir, folder, 'form.yaml');
    if (
      folder !== APPLICATIONS_FOLDER &&
      statSync(join(formsDir, folder)).isDirectory() &&
      existsSync(path)
    ) {
      forms.push({ folder, path });
    }
  }
  const applicationsDir = join(formsDir, APPLICATIONS_FOLDER);
  const applications = existsSync(applicationsDir)
    ? readdirSync(applicationsDir)
        .filter((name) => name.endsWith('.yaml') || name.endsWith('.yml'))
        .sort()
        .map((name) => join(applicationsDir, name))
    : [];
  return { forms, applications };
}
