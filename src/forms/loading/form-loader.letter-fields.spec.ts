import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { createFormsWorkspace } from '../../../test/fixtures/forms/forms-workspace';
import { FormDefinitionError } from '../forms.errors';
import { FormLoaderService } from './form-loader.service';
import { TemplateFieldsService } from './template-fields.service';

const sut = new FormLoaderService(new TemplateFieldsService());

/** The valid fixture with `letterFields` added to the first question (applicant.lastName, line 19). */
function workspaceWithLetterFields(line: string): string {
  const { formsDir } = createFormsWorkspace('valid');
  const file = join(formsDir, 'family', 'form.yaml');
  const text = readFileSync(file, 'utf8');
  // Appended to the id line, so every line number below stays that of the fixture.
  const patched = text.replace('- id: applicant.lastName\n', `- id: applicant.lastName\n        ${line}\n`);
  assert.notEqual(patched, text, 'the fixture still has applicant.lastName');
  writeFileSync(file, patched);
  return formsDir;
}

describe('FormLoaderService: letterFields', () => {
  it('loads known letter field names onto the question', async () => {
    const formsDir = workspaceWithLetterFields('letterFields: [recipient.lastName]');
    try {
      const result = await sut.load({ formsDir, templateDir: '/nonexistent-templates' });
      const question = result.applications
        .get('family-benefit')
        ?.questions.get('applicant.lastName')?.question;
      assert.deepEqual(question?.letterFields, ['recipient.lastName']);
    } finally {
      rmSync(dirname(formsDir), { recursive: true, force: true });
    }
  });

  it('refuses an unknown letter field name with file, line, path and the allowed names', async () => {
    const formsDir = workspaceWithLetterFields(
      'letterFields: [recipient.lastName, references.kindergeldnummer]',
    );
    try {
      await assert.rejects(
        () => sut.load({ formsDir, templateDir: '/nonexistent-templates' }),
        (error: unknown) => {
          assert.ok(error instanceof FormDefinitionError);
          assert.equal(error.code, 'FORM_DEFINITION_INVALID');
          const problems = error.message
            .split('\n')
            .slice(1)
            .map((line) => line.trim());
          assert.equal(problems.length, 1, problems.join('\n'));
          assert.match(
            problems[0],
            /^forms\/family\/form\.yaml:\d+: sections\[0\]\.questions\[0\]\.letterFields: unknown letter field "references\.kindergeldnummer" \(allowed: references\.kindergeldNummer, /,
          );
          return true;
        },
      );
    } finally {
      rmSync(dirname(formsDir), { recursive: true, force: true });
    }
  });
});
