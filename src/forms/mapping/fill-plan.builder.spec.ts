import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { fixtureFormsDir } from '../../../test/fixtures/forms/forms-workspace';
import { FieldFill } from '../../pdf/fill-plan';
import { Answers } from '../definition/answers.types';
import { FormLoaderService } from '../loading/form-loader.service';
import { LoadedApplication } from '../loading/loaded-definitions.types';
import { TemplateFieldsService } from '../loading/template-fields.service';
import { buildAnswerSummary } from './answer-summary.builder';
import { buildFillPlans as sut } from './fill-plan.builder';

const today = '2025-10-01';
const answers: Answers = {
  'applicant.lastName': 'Yılmaz',
  'applicant.firstName': 'Ayşe',
  'applicant.birthDate': '1990-05-17',
  'applicant.taxId': '65929970489',
  'applicant.street': 'Lindenstraße 4',
  'applicant.postalCode': '44147',
  'applicant.city': 'Dortmund',
  'applicant.maritalStatus': 'verheiratet',
  'applicant.marriedSince': '2015-06-20',
  'partner.lastName': 'Yılmaz',
  'payment.iban': 'DE89370400440532013000',
  'payment.ownAccount': true,
  'payment.income': 1234.5,
  'household.size': 5,
  children: [
    {
      'children.firstName': 'Elif',
      'children.birthDate': '2014-04-02',
      'children.gender': 'weiblich',
      'children.school': true,
      'children.schoolName': 'Grundschule Nord',
    },
    {
      'children.firstName': 'Can',
      'children.birthDate': '2021-09-15',
      'children.gender': 'maennlich',
      'children.school': true,
    },
    { 'children.firstName': 'Deniz', 'children.birthDate': '2023-01-30', 'children.gender': 'divers' },
  ],
};

function field(fields: FieldFill[], name: string): FieldFill | undefined {
  return fields.find((fill) => fill.field === name);
}

describe('buildFillPlans', () => {
  let application: LoadedApplication;
  before(async () => {
    const loaded = await new FormLoaderService(new TemplateFieldsService()).load({
      formsDir: fixtureFormsDir('valid'),
      templateDir: '/nonexistent-templates',
    });
    application = loaded.applications.get('family-benefit')!;
  });

  it('builds the main form once and the child form once per child', () => {
    const plans = sut(application, answers, { today });
    assert.deepEqual(
      plans.map((plan) => [plan.formId, plan.instance?.index ?? null]),
      [
        ['family', null],
        ['family-child', 0],
        ['family-child', 1],
        ['family-child', 2],
      ],
    );
    assert.equal(plans[0].formTitle, 'FL 1 Antrag auf Familienleistung');
  });

  it('formats text, dates, money, split and comb fields with German labels', () => {
    const { fields } = sut(application, answers, { today })[0];
    assert.deepEqual(field(fields, 'P1.Name'), {
      kind: 'text',
      field: 'P1.Name',
      value: 'Yılmaz',
      label: 'Punkt 1: Familienname',
    });
    assert.equal((field(fields, 'P1.Geburtsdatum') as { value: string }).value, '17.05.1990');
    assert.equal((field(fields, 'P1.seit') as { value: string }).value, '06.2015');
    assert.equal((field(fields, 'P3.Einkommen') as { value: string }).value, '1.234,50');
    assert.deepEqual(
      ['P1.StId1', 'P1.StId2', 'P1.StId3', 'P1.StId4'].map(
        (name) => (field(fields, name) as { value: string }).value,
      ),
      ['65', '929', '970', '489'],
    );
    assert.equal(
      (field(fields, 'P1.StId2') as { label: string }).label,
      'Punkt 1: Wie ist Ihre Steuer-ID? (Teil 2)',
    );
    assert.equal((field(fields, 'P3.IBAN') as { value: string }).value, 'DE89370400440532013000');
  });

  it('ticks the chosen checkbox, unticks the others, and fills single checkboxes', () => {
    const { fields } = sut(application, answers, { today })[0];
    assert.deepEqual(field(fields, 'P1.verheiratet'), {
      kind: 'checkbox',
      field: 'P1.verheiratet',
      checked: true,
    });
    assert.deepEqual(field(fields, 'P1.ledig'), { kind: 'checkbox', field: 'P1.ledig', checked: false });
    assert.deepEqual(field(fields, 'P1.geschieden'), {
      kind: 'checkbox',
      field: 'P1.geschieden',
      checked: false,
    });
    assert.deepEqual(field(fields, 'P3.eigenes'), { kind: 'checkbox', field: 'P3.eigenes', checked: true });
  });

  it('fills nothing for questions whose condition is false', () => {
    const single = { ...answers, 'applicant.maritalStatus': 'ledig' };
    const { fields } = sut(application, single, { today })[0];
    assert.equal(field(fields, 'P1.seit'), undefined);
    assert.equal(field(fields, 'P2.Name'), undefined);
    assert.deepEqual(field(fields, 'P2.keinPartner'), {
      kind: 'checkbox',
      field: 'P2.keinPartner',
      checked: true,
    });
  });

  it('fills computed fields from templates, count() and today()', () => {
    const { fields } = sut(application, answers, { today })[0];
    assert.deepEqual(field(fields, 'P1.Anschrift'), {
      kind: 'text',
      field: 'P1.Anschrift',
      value: 'Lindenstraße 4, 44147 Dortmund',
      label: 'Punkt 1: Anschrift',
    });
    assert.deepEqual(field(fields, 'Kopf.Anlagen'), {
      kind: 'text',
      field: 'Kopf.Anlagen',
      value: '3',
      label: 'Anlagen',
    });
    assert.equal((field(fields, 'Unterschrift.Datum') as { value: string }).value, '01.10.2025');
    assert.deepEqual(field(fields, 'P2.keinPartner'), {
      kind: 'checkbox',
      field: 'P2.keinPartner',
      checked: false,
    });
  });

  it('fills table rows and moves children beyond the table to the addendum', () => {
    const plan = sut(application, answers, { today })[0];
    assert.deepEqual(field(plan.fields, 'P5.Zeile2.Vorname'), {
      kind: 'text',
      field: 'P5.Zeile2.Vorname',
      value: 'Can',
      label: 'Punkt 5: Kind, Kind 2: Vorname',
    });
    assert.equal((field(plan.fields, 'P5.Zeile1.Geschlecht') as { value: string }).value, 'w');
    assert.equal((field(plan.fields, 'P5.Zeile1.Geburtsdatum') as { value: string }).value, '02.04.2014');
    assert.deepEqual(plan.addendum, [
      {
        title: 'Punkt 5: Kinder (weitere Kinder)',
        rows: [
          { label: 'Kind 3: Vorname', value: 'Deniz' },
          { label: 'Kind 3: Geburtsdatum', value: '30.01.2023' },
          { label: 'Kind 3: Geschlecht', value: 'd' },
        ],
      },
    ]);
  });

  it("gives each child copy that child's answers and the shared answers", () => {
    const [, elif, can, deniz] = sut(application, answers, { today });
    assert.deepEqual(elif.fields, [
      { kind: 'checkbox', field: 'K1.Schule-ja', checked: true },
      { kind: 'checkbox', field: 'K1.Schule-nein', checked: false },
      { kind: 'text', field: 'K1.Schule', value: 'Grundschule Nord', label: 'Punkt 1: Schule' },
      {
        kind: 'text',
        field: 'K2.Personen',
        value: '5',
        label: 'Wie viele Personen leben in Ihrem Haushalt?',
      },
      { kind: 'text', field: 'K1.Name', value: 'Elif Yılmaz', label: 'Punkt 1: Name des Kindes' },
      {
        kind: 'text',
        field: 'K1.Geburtsdatum',
        value: '02.04.2014',
        label: 'Punkt 1: Geburtsdatum des Kindes',
      },
    ]);
    // Can was born after 2020: the school question is not asked, so its boxes stay untouched.
    assert.equal(field(can.fields, 'K1.Schule-ja'), undefined);
    assert.equal((field(deniz.fields, 'K1.Name') as { value: string }).value, 'Deniz Yılmaz');
  });

  it('builds 1,000 plans for a family with three children quickly', () => {
    const started = performance.now();
    for (let index = 0; index < 1000; index++) {
      sut(application, answers, { today });
    }
    const elapsed = performance.now() - started;
    assert.ok(elapsed < 2000, `took ${elapsed.toFixed(0)} ms`);
  });

  it('summarises the answers per form in section order with German labels', () => {
    const [main, elif] = buildAnswerSummary(application, answers, { today });
    assert.equal(main.issuer, 'Familienkasse Musterstadt');
    assert.equal(main.edition, '01/2025');
    assert.deepEqual(
      main.sections.map((section) => section.title),
      ['Angaben zu Ihnen', 'Angaben zu Ihrem Ehepartner', 'Zahlung', 'Ihre Kinder'],
    );
    assert.deepEqual(main.sections[0].rows.slice(0, 3), [
      { label: 'Familienname', value: 'Yılmaz' },
      { label: 'Vorname', value: 'Ayşe' },
      { label: 'Geburtsdatum', value: '17.05.1990' },
    ]);
    assert.ok(
      main.sections[0].rows.some(
        (row) => row.label === 'Wie ist Ihr Familienstand?' && row.value === 'verheiratet',
      ),
    );
    assert.deepEqual(main.sections[2].rows.slice(1), [
      { label: 'Ist es Ihr eigenes Konto?', value: 'Ja' },
      { label: 'Wie hoch ist Ihr Einkommen im Monat?', value: '1.234,50' },
    ]);
    assert.deepEqual(main.sections[3].rows.slice(0, 3), [
      { label: 'Kind 1: Vorname', value: 'Elif' },
      { label: 'Kind 1: Geburtsdatum', value: '02.04.2014' },
      { label: 'Kind 1: Geschlecht', value: 'weiblich' },
    ]);
    assert.deepEqual(elif.instance, { repeatOf: 'children', index: 0 });
    assert.deepEqual(elif.sections[0].rows, [
      { label: 'Geht das Kind zur Schule?', value: 'Ja' },
      { label: 'Schule', value: 'Grundschule Nord' },
    ]);
  });
});
