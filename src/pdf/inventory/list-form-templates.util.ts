import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parse } from 'yaml';

/** The template a form definition expects, read from forms/<id>/form.yaml. */
export interface KnownTemplate {
  formId: string;
  edition: string | null;
  /** File name in the template directory, e.g. kg1-antrag-auf-kindergeld-2025-09.pdf */
  file: string;
  sha256: string;
  definitionPath: string;
}

export interface FormTemplateList {
  templates: KnownTemplate[];
  /** Definitions that could not be read, one plain sentence each (German / English). */
  problems: string[];
}

/**
 * Reads only `id`, `edition`, `template.file` and `template.sha256` of every forms/<id>/form.yaml:
 * installing a template must work even while a definition is still being written.
 */
export async function listFormTemplates(formsDir: string): Promise<FormTemplateList> {
  const templates: KnownTemplate[] = [];
  const problems: string[] = [];
  let entries;
  try {
    entries = await readdir(formsDir, { withFileTypes: true });
  } catch {
    return { templates, problems: [`Ordner nicht lesbar / folder not readable: ${formsDir}`] };
  }
  for (const entry of entries
    .filter((candidate) => candidate.isDirectory())
    .sort((a, b) => a.name.localeCompare(b.name))) {
    const definitionPath = join(formsDir, entry.name, 'form.yaml');
    let text: string;
    try {
      text = await readFile(definitionPath, 'utf8');
    } catch {
      continue; // folders without form.yaml (applications/, examples/) are no forms
    }
    const template = templateOf(text, entry.name, definitionPath);
    if (typeof template === 'string') {
      problems.push(template);
    } else {
      templates.push(template);
    }
  }
  return { templates, problems };
}

function templateOf(text: string, folder: string, definitionPath: string): KnownTemplate | string {
  let definition: unknown;
  try {
    definition = parse(text);
  } catch {
    return `${definitionPath}: kein gültiges YAML / not valid YAML`;
  }
  const record = isRecord(definition) ? definition : {};
  const template = isRecord(record.template) ? record.template : {};
  const { file, sha256 } = template;
  if (typeof file !== 'string' || typeof sha256 !== 'string') {
    return `${definitionPath}: template.file oder template.sha256 fehlt / template.file or template.sha256 missing`;
  }
  // The name becomes a path in the template directory: a plain file name only, never "../x".
  if (basename(file) !== file || !/\.pdf$/i.test(file) || file.startsWith('.')) {
    return `${definitionPath}: template.file muss ein einfacher PDF-Dateiname sein / must be a plain PDF file name: ${file}`;
  }
  if (!/^[0-9a-f]{64}$/i.test(sha256)) {
    return `${definitionPath}: template.sha256 ist keine SHA-256 / is not a SHA-256: ${sha256}`;
  }
  return {
    formId: typeof record.id === 'string' ? record.id : folder,
    edition: typeof record.edition === 'string' ? record.edition : null,
    file,
    sha256: sha256.toLowerCase(),
    definitionPath,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
