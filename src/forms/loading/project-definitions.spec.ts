import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { officialFormsDir, skipWithoutOfficialForms } from '../../../test/support/official-forms';
import { FormLoaderService } from './form-loader.service';
import { TemplateFieldsService } from './template-fields.service';

// The project's own definitions (forms/ at the repository root), checked against the genuine PDFs.
const projectFormsDir = resolve(__dirname, '..', '..', '..', '..', 'forms');
const skip =
  skipWithoutOfficialForms ||
  (existsSync(join(projectFormsDir, 'applications')) ? false : 'no forms/applications yet');

describe('the definitions in forms/', () => {
  it('load without problems and match the installed official templates', { skip }, async () => {
    const sut = new FormLoaderService(new TemplateFieldsService());
    const loaded = await sut.load({ formsDir: projectFormsDir, templateDir: officialFormsDir });
    assert.ok(loaded.applications.size > 0);
    for (const form of loaded.forms.values()) {
      assert.equal(form.template.state, 'installed', form.definition.id);
    }
  });
});
