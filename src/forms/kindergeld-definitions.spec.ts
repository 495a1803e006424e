import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { isEmail, isIBAN, isPhoneNumber, isPostalCode, isTaxId } from 'class-validator';
import { PDFCheckBox, PDFTextField } from '@cantoo/pdf-lib';
import { loadPdf } from '../pdf/load-pdf.util';
import { berlinDate } from '../common/berlin-date.util';
import { compileExpression } from './expressions/compile-expression.util';
import { evaluateExpression } from './expressions/evaluate-expression.util';
import { FormLoaderService } from './loading/form-loader.service';
import { TemplateFieldsService } from './loading/template-fields.service';
import {
  officialFormPath,
  officialForms,
  officialFormsDir,
  skipWithoutOfficialForms,
} from '../../test/support/official-forms';

// The real Kindergeld definitions in the top-level forms/ folder, checked against the genuine
// Familienkasse templates and against the invented example families in forms/examples/.

const formsDir = resolve(__dirname, '..', '..', '..', 'forms');
const today = berlinDate();

type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Answers = Record<string, unknown>;

function readYaml(path: string): Raw {
  return parse(readFileSync(join(formsDir, path), 'utf8')) as Raw;
}

const kg1 = readYaml('kg1/form.yaml');
const anlageKind = readYaml('kg1-anlage-kind/form.yaml');
const examples = ['kindergeld-yilmaz.json', 'kindergeld-petrovic.json', 'kindergeld-kovalenko.json'];

function readExample(file: string): Answers {
  return JSON.parse(readFileSync(join(formsDir, 'examples', file), 'utf8')) as Answers;
}

function topQuestions(form: Raw): Raw[] {
  return (form.sections as Raw[]).flatMap((section: Raw) => section.questions as Raw[]);
}

/** Every AcroForm field a definition names, with the kind of field it expects. */
function mappedFields(form: Raw): Array<{ name: string; kind: 'text' | 'checkbox' }> {
  const found: Array<{ name: string; kind: 'text' | 'checkbox' }> = [];
  const visit = (question: Raw) => {
    const pdf = question.pdf as Raw | undefined;
    if (pdf?.field) {
      found.push({ name: pdf.field, kind: 'text' });
    }
    if (pdf?.comb) {
      found.push({ name: pdf.comb, kind: 'text' });
    }
    if (pdf?.split) {
      for (const name of pdf.split as string[]) {
        found.push({ name, kind: 'text' });
      }
    }
    if (pdf?.checkbox) {
      found.push({ name: pdf.checkbox, kind: 'checkbox' });
    }
    if (pdf?.checkboxes) {
      for (const name of Object.values(pdf.checkboxes as Record<string, string>)) {
        found.push({ name, kind: 'checkbox' });
      }
    }
    if (pdf?.rows) {
      for (const pattern of Object.values(pdf.rows.fields as Record<string, string>)) {
        for (let row = 1; row <= pdf.rows.count; row++) {
          found.push({ name: pattern.replaceAll('{n}', String(row)), kind: 'text' });
        }
      }
    }
    (question.questions as Raw[] | undefined)?.forEach(visit);
  };
  topQuestions(form).forEach(visit);
  for (const entry of form.computed as Raw[]) {
    found.push({ name: entry.field, kind: 'text' });
  }
  return found;
}

async function templateFields(file: string): Promise<Map<string, string>> {
  const document = await loadPdf(readFileSync(officialFormPath(file)));
  const kinds = new Map<string, string>();
  for (const field of document.getForm().getFields()) {
    kinds.set(
      field.getName(),
      field instanceof PDFTextField ? 'text' : field instanceof PDFCheckBox ? 'checkbox' : 'other',
    );
  }
  return kinds;
}

/** Checks one answer against its question's type and rules; returns a message or undefined. */
function typeProblem(question: Raw, value: unknown): string | undefined {
  const rules = (question.validation ?? {}) as Raw;
  const text = typeof value === 'string' ? value : undefined;
  switch (question.type) {
    case 'text':
      if (text === undefined) {
        return 'is not a text';
      }
      if (rules.maxLength !== undefined && text.length > rules.maxLength) {
        return `is longer than ${rules.maxLength}`;
      }
      if (rules.pattern !== undefined && !new RegExp(rules.pattern, 'u').test(text)) {
        return `does not match ${rules.pattern}`;
      }
      return undefined;
    case 'date':
      if (text === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(text)) {
        return 'is not a date YYYY-MM-DD';
      }
      return rules.notInFuture && text > today ? 'lies in the future' : undefined;
    case 'yesno':
      return typeof value === 'boolean' ? undefined : 'is not true or false';
    case 'choice':
      return (question.options as Raw[]).some((option) => option.value === value)
        ? undefined
        : 'is not one of the options';
    case 'number':
    case 'money':
      if (typeof value !== 'number') {
        return 'is not a number';
      }
      return (rules.min !== undefined && value < rules.min) || (rules.max !== undefined && value > rules.max)
        ? 'is out of range'
        : undefined;
    case 'iban':
      return text !== undefined && isIBAN(text) ? undefined : 'is not a valid IBAN';
    case 'taxId':
      return text !== undefined && isTaxId(text, 'de-DE') ? undefined : 'is not a valid Steuer-ID';
    case 'postalCode':
      return text !== undefined && isPostalCode(text, 'DE') ? undefined : 'is not a German postcode';
    case 'phone':
      return text !== undefined && isPhoneNumber(text, 'DE') ? undefined : 'is not a phone number';
    case 'email':
      return text !== undefined && isEmail(text) ? undefined : 'is not an e-mail address';
    default:
      return undefined;
  }
}

/**
 * Walks the Kindergeld application like the interview would: a question whose condition holds must
 * be answered (unless optional) with a valid value; a question whose condition fails must have no answer;
 * answers nobody asked for are reported too.
 */
function checkAnswers(answers: Answers): string[] {
  const problems: string[] = [];
  const visited = new Set<string>();
  const perChild = topQuestions(anlageKind);
  const check = (question: Raw, source: Answers, item: Answers | undefined) => {
    const lookup = (id: string) => (item && id.startsWith('children.') ? item[id] : answers[id]);
    const holds =
      question.when === undefined ||
      evaluateExpression(compileExpression(question.when), { lookup, today }) === true;
    const value = source[question.id];
    const where = item ? `${question.id} (child ${String(item['children.firstName'])})` : question.id;
    if (!holds) {
      if (value !== undefined) {
        problems.push(`${where}: answered although its condition is false`);
      }
      return;
    }
    if (value === undefined) {
      if (question.required !== false) {
        problems.push(`${where}: required but not answered`);
      }
      return;
    }
    if (question.type !== 'repeat') {
      const problem = typeProblem(question, value);
      if (problem) {
        problems.push(`${where}: ${JSON.stringify(value)} ${problem}`);
      }
      return;
    }
    const items = value as Answers[];
    if (
      items.length < (question.validation?.min ?? 0) ||
      items.length > (question.validation?.max ?? Infinity)
    ) {
      problems.push(`${where}: ${items.length} items is out of range`);
    }
    for (const child of items) {
      const nested = question.id === 'children' ? [...question.questions, ...perChild] : question.questions;
      for (const inner of nested as Raw[]) {
        check(inner, child, child);
      }
      for (const key of Object.keys(child)) {
        if (!(nested as Raw[]).some((inner) => inner.id === key)) {
          problems.push(`${where}: unknown answer ${key}`);
        }
      }
    }
  };
  for (const question of topQuestions(kg1)) {
    visited.add(question.id);
    check(question, answers, undefined);
  }
  for (const key of Object.keys(answers)) {
    if (!visited.has(key)) {
      problems.push(`unknown answer ${key}`);
    }
  }
  return problems;
}

describe('Kindergeld definitions (forms/)', () => {
  it('loads with the form loader when the templates are not installed (answer-summary mode)', async () => {
    const sut = new FormLoaderService(new TemplateFieldsService());
    const loaded = await sut.load({ formsDir, templateDir: mkdtempSync(join(tmpdir(), 'no-templates-')) });
    assert.deepEqual([...loaded.forms.keys()].sort(), ['kg1', 'kg1-anlage-kind']);
    assert.deepEqual(
      [...loaded.forms.values()].map((form) => form.template.state),
      ['missing', 'missing'],
    );
    const application = loaded.applications.get('kindergeld');
    assert.deepEqual(application?.definition.forms, [
      { form: 'kg1' },
      { form: 'kg1-anlage-kind', each: 'children' },
    ]);
  });

  it(
    'loads with the form loader against the genuine templates (hash and every field name)',
    { skip: skipWithoutOfficialForms },
    async () => {
      const sut = new FormLoaderService(new TemplateFieldsService());
      const loaded = await sut.load({ formsDir, templateDir: officialFormsDir });
      assert.equal(loaded.forms.get('kg1')?.template.state, 'installed');
      assert.equal(loaded.forms.get('kg1-anlage-kind')?.template.state, 'installed');
    },
  );

  const coverage = [
    {
      form: kg1,
      file: officialForms.kg1,
      total: 95,
      unmapped: ['Speichern[0]', 'Drucken[0]', 'Alle_Eingaben_löschen[0]'],
    },
    {
      form: anlageKind,
      file: officialForms.kg1AnlageKind,
      total: 127,
      unmapped: ['Speichern[0]', 'Drucken[0]', 'Alle_Eingaben_löschen[0]'],
    },
  ];
  for (const { form, file, total, unmapped } of coverage) {
    it(
      `${form.id}: names only existing fields of the right kind and leaves only ${unmapped.length} unmapped`,
      { skip: skipWithoutOfficialForms },
      async () => {
        const fields = await templateFields(file);
        const mapped = mappedFields(form);
        assert.equal(fields.size, total);
        for (const { name, kind } of mapped) {
          assert.equal(fields.get(name), kind, `${name} should be a ${kind} field`);
        }
        const left = [...fields.keys()].filter((name) => !mapped.some((entry) => entry.name === name));
        assert.deepEqual(left.map((name) => name.split('.').pop()).sort(), [...unmapped].sort());
      },
    );
  }

  for (const file of examples) {
    it(`${file} answers every question that applies, with valid values, and nothing else`, () => {
      assert.deepEqual(checkAnswers(readExample(file)), []);
    });
  }

  it('finds broken answers (the example check is not a no-op)', () => {
    const answers = readExample('kindergeld-petrovic.json');
    answers['applicant.taxId'] = '45926175083'; // wrong check digit
    delete answers['bank.iban'];
    answers['partner.lastName'] = 'Petrović'; // the partner section does not apply to her
    (answers.children as Answers[])[1]['children.trainingName'] = 'Grundschule'; // Mila is not asked about training
    assert.deepEqual(checkAnswers(answers), [
      'applicant.taxId: "45926175083" is not a valid Steuer-ID',
      'partner.lastName: answered although its condition is false',
      'bank.iban: required but not answered',
      'children.trainingName (child Mila): answered although its condition is false',
    ]);
  });

  it('the Yılmaz family overflows the five rows of Punkt 5 and has names outside WinAnsi', () => {
    const answers = readExample('kindergeld-yilmaz.json');
    const rows = topQuestions(kg1).find((question) => question.id === 'receivingChildren')?.pdf.rows;
    assert.equal(rows.count, 5);
    assert.equal((answers.receivingChildren as Answers[]).length, 6);
    assert.match(
      `${String(answers['applicant.firstName'])} ${String(answers['applicant.lastName'])}`,
      /ş.*ı/,
    );
    assert.ok(
      String(answers['applicant.street']).length + String(answers['applicant.city']).length > 60,
      'a long address',
    );
  });
});
