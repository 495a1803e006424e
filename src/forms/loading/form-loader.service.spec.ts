import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { FormDefinitionError } from '../forms.errors';
import { FormLoaderService } from './form-loader.service';
import { TemplateFieldsService } from './template-fields.service';
import {
  createAcroFormPdf,
  createFormsWorkspace,
  fixtureFormsDir,
  validFixtureFields,
} from '../../../test/fixtures/forms/forms-workspace';
import {
  officialFormPath,
  officialFormsDir,
  skipWithoutOfficialForms,
} from '../../../test/support/official-forms';

const sut = new FormLoaderService(new TemplateFieldsService());

/** Loads and returns the problem lines ("file:line: path: message") of the expected error. */
async function problemsOf(formsDir: string, templateDir = '/nonexistent-templates'): Promise<string[]> {
  try {
    await sut.load({ formsDir, templateDir });
  } catch (error) {
    assert.ok(error instanceof FormDefinitionError, `expected FormDefinitionError, got ${String(error)}`);
    assert.equal(error.code, 'FORM_DEFINITION_INVALID');
    return error.message
      .split('\n')
      .slice(1)
      .map((line) => line.trim());
  }
  assert.fail('the definitions loaded although they are broken');
}

function assertListed(problems: string[], expected: string): void {
  assert.ok(
    problems.includes(expected),
    `missing problem:\n  ${expected}\nreported:\n  ${problems.join('\n  ')}`,
  );
}

describe('FormLoaderService', () => {
  it('loads a valid application and marks templates that are not installed as missing', async () => {
    const result = await sut.load({
      formsDir: fixtureFormsDir('valid'),
      templateDir: '/nonexistent-templates',
    });
    assert.deepEqual([...result.forms.keys()], ['family', 'family-child']);
    assert.equal(result.forms.get('family')?.template.state, 'missing');
    assert.equal(result.forms.get('family')?.file, 'valid/family/form.yaml');
    const application = result.applications.get('family-benefit');
    assert.deepEqual(
      application?.forms.map((form) => form.definition.id),
      ['family', 'family-child'],
    );
    assert.equal(application?.questions.get('children.school')?.repeatId, 'children');
    assert.equal(application?.questions.get('children.firstName')?.repeatId, 'children');
    assert.equal(application?.questions.get('household.size')?.repeatId, null);
  });

  it('accepts installed templates whose hash and fields match', async () => {
    const workspace = createFormsWorkspace('valid', {
      'family.pdf': await createAcroFormPdf(validFixtureFields.family),
      'family-child.pdf': await createAcroFormPdf(validFixtureFields.familyChild),
    });
    const result = await sut.load(workspace);
    assert.equal(result.forms.get('family')?.template.state, 'installed');
    assert.equal(result.forms.get('family-child')?.template.state, 'installed');
  });

  it('refuses field names the template does not have, and checkboxes mapped to text fields', async () => {
    const family = validFixtureFields.family;
    const template = await createAcroFormPdf({
      text: [
        ...family.text.filter((field) => field !== 'P3.IBAN' && field !== 'P5.Zeile2.Vorname'),
        'P1.ledig',
      ],
      checkbox: family.checkbox.filter((field) => field !== 'P1.ledig'),
    });
    const workspace = createFormsWorkspace('valid', { 'family.pdf': template });
    const problems = await problemsOf(workspace.formsDir, workspace.templateDir);
    assert.deepEqual(problems, [
      'forms/family/form.yaml:57: sections[0].questions[7].pdf.checkboxes.ledig: field "P1.ledig" is a text field in the template, the mapping needs a checkbox field',
      'forms/family/form.yaml:80: sections[2].questions[0].pdf: the template family.pdf has no field "P3.IBAN"',
      'forms/family/form.yaml:122: sections[3].questions[0].pdf.rows.fields.firstName: the template family.pdf has no field "P5.Zeile2.Vorname"',
    ]);
  });

  it('refuses a template whose SHA-256 differs from the definition', async () => {
    const template = await createAcroFormPdf(validFixtureFields.family);
    const workspace = createFormsWorkspace('valid', { 'family.pdf': template }, { keepSha: true });
    const problems = await problemsOf(workspace.formsDir, workspace.templateDir);
    assert.equal(problems.length, 1);
    assert.match(
      problems[0],
      /^forms\/family\/form\.yaml:12: template\.sha256: the installed family\.pdf has SHA-256 [0-9a-f]{64}, the definition expects 0{64}/,
    );
  });

  it('lists every structural and semantic problem of a form with file, line and path', async () => {
    const problems = await problemsOf(fixtureFormsDir('broken-form'));
    const file = 'broken-form/broken/form.yaml';
    const expected = [
      `${file}:2: issuer: required key "issuer" is missing`,
      `${file}:20: sections[0].questions[1].requried: unknown key "requried" (allowed: id, type, text, help, examples, required, when, validation, options, questions, letterFields, pdfLabel, label, confirmText, pdf)`,
      `${file}:27: sections[0].questions[2].pdf.checkboxes.verwitwet: "verwitwet" is not an option of this question (options: ledig, verheiratet)`,
      `${file}:31: sections[0].questions[3].pdf.sizes: has 3 sizes for 4 fields; give one size per field`,
      `${file}:41: sections[0].questions[6].type: unknown question type "nationality" (known: text, date, yesno, choice, number, money, iban, taxId, postalCode, phone, email, repeat)`,
      `${file}:43: sections[0].questions[7].id: required key "id" is missing`,
      `${file}:44: sections[0].questions[7].text: German text "de" is missing`,
      `${file}:17: sections[0].questions[1].id: duplicate question id "applicant.lastName" (also at sections[0].questions[0])`,
      `${file}:35: sections[0].questions[4].when: unknown question id "applicant.statuss"`,
      `${file}:39: sections[0].questions[5].when: cannot read the condition: the expression ends too early at position 38 in "applicant.status == "verheiratet" and"`,
      `${file}:47: computed[0].template: unknown question id "applicant.street"`,
      `${file}:49: computed[1].value: unknown question id "kids"`,
      `${file}:52: computed[2].when: cannot read the condition: date("today-18") is not a date: write YYYY-MM-DD, "today", or today with one offset in days, months or years ("today-14d", "today+3m", "today-18y") at position 25 in "applicant.since <= date("today-18")"`,
    ];
    for (const problem of expected) {
      assertListed(problems, problem);
    }
    assert.equal(problems.length, expected.length);
  });

  it('refuses applications with unknown forms, a non-repeat each and ids defined twice', async () => {
    const problems = await problemsOf(fixtureFormsDir('broken-application'));
    const file = 'broken-application/applications/combined.yaml';
    const expected = [
      'broken-application/other/form.yaml:9: repeatOf: "children" is not a repeat question of the application',
      `${file}:6: forms[1]: question id "applicant.lastName" is defined in both "family" (sections[0].questions[0]) and "other" (sections[0].questions[0])`,
      `${file}:8: forms[2].form: unknown form "missing-form" (known: family, other)`,
      `${file}:7: forms[1].each: "applicant.lastName" is a text question, not a repeat group`,
      `${file}:7: forms[1].each: form "other" has repeatOf: children, so the application must say each: children`,
    ];
    for (const problem of expected) {
      assertListed(problems, problem);
    }
    assert.equal(problems.length, expected.length);
  });

  it('refuses missing, malformed and future schema versions', async () => {
    assert.deepEqual(await problemsOf(fixtureFormsDir('schema-version')), [
      'schema-version/future/form.yaml:1: schemaVersion: schemaVersion 2 is newer than this service understands (1); update the service',
      'schema-version/missing/form.yaml:1: schemaVersion: schemaVersion is missing (this service reads version 1)',
      'schema-version/text/form.yaml:1: schemaVersion: schemaVersion must be a whole number, got "eins"',
    ]);
  });

  it('reports YAML syntax errors with their line', async () => {
    const problems = await problemsOf(fixtureFormsDir('yaml-syntax'));
    assert.equal(problems.length, 1);
    assert.match(problems[0], /^yaml-syntax\/bad\/form\.yaml:4: YAML syntax: /);
  });

  it('reports a forms folder that does not exist', async () => {
    const problems = await problemsOf('/nonexistent-forms-folder');
    assert.match(problems[0], /cannot read the forms folder/);
  });

  it('checks field names against the genuine KG 1', { skip: skipWithoutOfficialForms }, async () => {
    const problems = await problemsOf(fixtureFormsDir('official-kg1'), officialFormsDir);
    assert.deepEqual(problems, [
      'official-kg1/kg1/form.yaml:34: sections[0].questions[2].pdf: the template kg1-antrag-auf-kindergeld-2025-09.pdf has no field "topmostSubform[0].Seite1[0].Punkt-1[0].Spitzname[0]"',
    ]);
    assert.ok(officialFormPath('x').startsWith(officialFormsDir));
  });
});

describe('TemplateFieldsService', () => {
  it('reads the field names and kinds once per SHA-256', async () => {
    const service = new TemplateFieldsService();
    const bytes = await createAcroFormPdf({ text: ['A.Name'], checkbox: ['A.ja'] });
    const first = await service.fieldsOf(bytes, 'sha-a');
    assert.deepEqual(
      [...first],
      [
        ['A.Name', 'text'],
        ['A.ja', 'checkbox'],
      ],
    );
    // Same hash: served from the cache even when given other bytes.
    assert.equal(await service.fieldsOf(new Uint8Array([1, 2, 3]), 'sha-a'), first);
    await assert.rejects(service.fieldsOf(new Uint8Array([1, 2, 3]), 'sha-b'), /not a readable PDF/);
  });

  it('reads short chat labels (German from pdfLabel) and letter read-backs with {value}', async () => {
    const workspace = createFormsWorkspace('valid');
    const file = join(workspace.formsDir, 'family', 'form.yaml');
    const lines =
      'pdfLabel: "Familienname"\n        label: { en: "Last name" }\n        confirmText: { de: "Ihr Familienname ist {value}" }';
    writeFileSync(file, readFileSync(file, 'utf8').replace('pdfLabel: "Familienname"', lines));
    const result = await sut.load({ formsDir: workspace.formsDir, templateDir: '/nonexistent-templates' });
    const question = result.applications.get('family-benefit')?.questions.get('applicant.lastName')?.question;
    assert.deepEqual(question?.label, { de: 'Familienname', en: 'Last name' });
    assert.deepEqual(question?.confirmText, { de: 'Ihr Familienname ist {value}' });

    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('Ihr Familienname ist {value}', 'Ihr Familienname ist'),
    );
    const problems = await problemsOf(workspace.formsDir);
    assert.equal(problems.length, 1);
    assert.match(
      problems[0],
      /sections\[0\]\.questions\[0\]\.confirmText\.de: must contain the placeholder \{value\}$/,
    );
  });
});
