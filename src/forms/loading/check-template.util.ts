import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FormDefinition } from '../definition/form.types';
import { collectPdfFields } from './collect-pdf-fields.util';
import { TemplateStatus } from './loaded-definitions.types';
import { ProblemCollector } from './problem-collector';
import { TemplateFieldsService } from './template-fields.service';

/**
 * Compares a form definition with its installed template: SHA-256 and every field name.
 * A template that is not installed is not an error: the form is then marked "missing".
 */
export async function checkTemplate(
  form: FormDefinition,
  templateDir: string,
  templateFields: TemplateFieldsService,
  problems: ProblemCollector,
): Promise<TemplateStatus> {
  const path = join(templateDir, form.template.file);
  if (!existsSync(path)) {
    return { file: form.template.file, path, state: 'missing' };
  }
  const bytes = readFileSync(path);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const status: TemplateStatus = { file: form.template.file, path, state: 'installed' };
  if (sha256 !== form.template.sha256) {
    problems.add(
      ['template', 'sha256'],
      `the installed ${form.template.file} has SHA-256 ${sha256}, the definition expects ${form.template.sha256} (another edition of the form?)`,
    );
    return status;
  }
  let fields;
  try {
    fields = await templateFields.fieldsOf(bytes, sha256);
  } catch (error) {
    problems.add(
      ['template', 'file'],
      `cannot read the template ${form.template.file}: ${(error as Error).message}`,
    );
    return status;
  }
  for (const reference of collectPdfFields(form)) {
    const kind = fields.get(reference.field);
    if (kind === undefined) {
      problems.add(reference.path, `the template ${form.template.file} has no field "${reference.field}"`);
    } else if (kind !== reference.expected) {
      problems.add(
        reference.path,
        `field "${reference.field}" is a ${kind} field in the template, the mapping needs a ${reference.expected} field`,
      );
    }
  }
  return status;
}
