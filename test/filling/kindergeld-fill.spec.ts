import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Test } from '@nestjs/testing';
import { INestApplicationContext } from '@nestjs/common';
import { ApplicationFillerService } from '../../src/filling/application-filler.service';
import { FillingModule } from '../../src/filling/filling.module';
import { FilledDocument } from '../../src/filling/filled-document.types';
import { Answers } from '../../src/forms/definition/answers.types';
import { AnswersInvalidError } from '../../src/forms/forms.errors';
import { FormRegistry } from '../../src/forms/forms.registry';
import { PdfRenderPool } from '../../src/pdf/workers/pdf-render-pool.service';
import { buildFillPlans } from '../../src/forms/mapping/fill-plan.builder';
import { officialFormsDir, skipWithoutOfficialForms } from '../support/official-forms';
import { readWithPdfJs } from '../pdf/pdfjs-read.util';

// The whole path a submitted application takes: example answers of an invented family -> validation
// -> fill plans -> the GENUINE Familienkasse PDFs -> read back with pdf.js, independently of pdf-lib.
const today = '2026-11-30';
const kg1 = 'topmostSubform[0].Seite1[0]';
const kg1Page2 = 'topmostSubform[0].Page2[0]';
const anlage = 'topmostSubform[0].Page1[0]';

function example(name: string): Answers {
  return JSON.parse(readFileSync(`forms/examples/kindergeld-${name}.json`, 'utf8')) as Answers;
}

describe('filling the genuine Kindergeld forms from answers', { skip: skipWithoutOfficialForms }, () => {
  let context: INestApplicationContext;
  let sut: ApplicationFillerService;

  before(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [FillingModule.register({ formsDir: 'forms', templateDir: officialFormsDir })],
    }).compile();
    context = await moduleRef.init();
    sut = context.get(ApplicationFillerService);
  });
  after(async () => {
    await context?.close();
  });

  it('leaves off answers that no longer apply: the partner, and the date of the partner’s signature', async () => {
    // The Yılmaz answers after a correction to "ledig": the partner's answers are still stored.
    const answers: Answers = {
      ...example('yilmaz'),
      'applicant.maritalStatus': 'ledig',
      'applicant.livesWithOtherParent': false,
    };
    const [kg1Document] = await sut.fill('kindergeld', answers, { mode: 'draft', today });
    const fields = (await readWithPdfJs(kg1Document.bytes)).fields!;
    assert.equal(fields.get(`${kg1}.Punkt-1[0].Familienstand[0].#area[12].ledig[0]`), '1');
    assert.equal(fields.get(`${kg1}.Punkt-2[0].#area[15].Vorname-Partner[0]`) ?? '', '');
    assert.equal(fields.get(`${kg1}.Punkt-2[0].#area[15].Geburtsdatum-Partner[0]`) ?? '', '');
    assert.equal(
      fields.get(`${kg1Page2}.Unterschrift-2[0].Datum-2[0]`) ?? '',
      '',
      'no date for a partner’s signature',
    );
    assert.equal(fields.get(`${kg1Page2}.Unterschrift-1[0].Datum-1[0]`), '30.11.2026');
  });

  describe('Yılmaz: married, partner, six children already receiving Kindergeld, one new child', () => {
    let documents: FilledDocument[];
    let kg1Fields: Map<string, string>;
    let kg1Pages: string[];

    before(async () => {
      documents = await sut.fill('kindergeld', example('yilmaz'), { mode: 'draft', today });
      const reading = await readWithPdfJs(documents[0].bytes);
      kg1Fields = reading.fields!;
      kg1Pages = reading.pageTexts;
    });

    it('produces KG 1 and one Anlage Kind, both on the official templates', () => {
      assert.deepEqual(
        documents.map((document) => [document.fileName, document.official]),
        [
          ['kg1.pdf', true],
          ['kg1-anlage-kind-1.pdf', true],
        ],
      );
    });

    it('puts the applicant, the partner and the bank account into their fields', () => {
      const expected: Record<string, string> = {
        [`${kg1}.Punkt-1[0].Pkt-1-Zeile-1[0].Name-Antragsteller[0]`]: 'Yılmaz',
        [`${kg1}.Punkt-1[0].Pkt-1-Zeile-2[0].Vorname-Antragsteller[0]`]: 'Ayşe',
        [`${kg1}.Punkt-1[0].Pkt-1-Zeile-3[0].Geburtsdatum-Antragsteller[0]`]: '14.03.1986',
        [`${kg1}.Punkt-1[0].Steuer-ID[0].Steuer-ID-1[0]`]: '52',
        [`${kg1}.Punkt-1[0].Steuer-ID[0].Steuer-ID-2[0]`]: '807',
        [`${kg1}.Punkt-1[0].Steuer-ID[0].Steuer-ID-3[0]`]: '981',
        [`${kg1}.Punkt-1[0].Steuer-ID[0].Steuer-ID-4[0]`]: '360',
        [`${kg1}.Punkt-2[0].#area[15].Vorname-Partner[0]`]: 'Mehmet',
        [`${kg1}.Punkt-2[0].#area[15].Geburtsdatum-Partner[0]`]: '02.11.1983',
        [`${kg1}.Punkt-3[0].IBAN[0]`]: 'DE78370400445320130011',
        [`${kg1}.#area[0].Kopfzeile[0].KG-Nr[0]`]: '215FK482913',
        [`${kg1}.#area[0].Überschrift[0].Anzahl-Anlagen[0]`]: '1',
        [`${kg1Page2}.Unterschrift-1[0].Datum-1[0]`]: '30.11.2026',
      };
      for (const [field, value] of Object.entries(expected)) {
        assert.equal(kg1Fields.get(field), value, field);
      }
    });

    it('ticks exactly the chosen marital status', () => {
      const status = (name: string) =>
        kg1Fields.get(`${kg1}.Punkt-1[0].Familienstand[0].#area[12].${name}[0]`);
      assert.equal(status('verheiratet'), '1');
      for (const other of ['ledig', 'Partner', 'geschieden', 'aufgehoben', 'getrennt', 'verwitwet']) {
        assert.equal(status(other), 'Off', other);
      }
    });

    it('fills the five table rows and moves the sixth child to the addendum page', () => {
      const row = (n: number) =>
        kg1Fields.get(`${kg1Page2}.Punkt-5[0].Tabelle1-Kinder[0].Zeile${n}[0].Zelle1[0]`);
      assert.equal(row(1), 'Emre');
      assert.ok(row(5));
      assert.equal(kg1Pages.length, 6, 'five pages of the form plus one addendum page');
      assert.match(kg1Pages[5], /Fortsetzung zu KG 1 Antrag auf Kindergeld/);
      assert.match(kg1Pages[5], /Meryem/);
      assert.doesNotMatch(kg1Pages.slice(0, 5).join(' '), /Meryem/);
    });

    it('shows every planned text value in its field, or "siehe Anlage" with the text on the addendum', async () => {
      const application = context.get(FormRegistry).loadedApplication('kindergeld');
      const [plan] = buildFillPlans(application, example('yilmaz'), { today });
      for (const fill of plan.fields) {
        if (fill.kind !== 'text') {
          continue;
        }
        const shown = kg1Fields.get(fill.field);
        if (shown === 'siehe Anlage') {
          assert.ok(kg1Pages[5].replace(/\s+/g, ' ').includes(fill.value.slice(0, 20)), fill.field);
        } else {
          assert.equal(shown, fill.value, fill.field);
        }
      }
      const reading = await readWithPdfJs(documents[1].bytes);
      assert.equal(reading.fields!.get(`${anlage}.Frage-1[0].Pkt-1-Zeile-3[0].Vorname-Kind[0]`), 'Zeynep');
      assert.equal(
        reading.fields!.get(`${anlage}.Kopfzeile[0].Kopfangaben[0].Name_Vorname_KGB[0]`),
        'Yılmaz, Ayşe',
      );
    });
  });

  it('fills every example family, and the final copies are flattened with the names as page text', async () => {
    for (const [name, person] of [
      ['yilmaz', 'Yılmaz'],
      ['petrovic', 'Petrović'],
      ['kovalenko', 'Kovalenko'],
    ]) {
      const documents = await sut.fill('kindergeld', example(name), { mode: 'final', today });
      assert.ok(documents.length >= 2, name);
      for (const document of documents) {
        const reading = await readWithPdfJs(document.bytes);
        assert.equal(reading.fields, null, `${name} ${document.fileName} has no fields left`);
        assert.ok(reading.pageTexts.join(' ').includes(person), `${name} ${document.fileName}`);
      }
    }
  });

  it('numbers each Anlage Kind and titles it once', async () => {
    const documents = await sut.fill('kindergeld', example('petrovic'), { mode: 'draft', today });
    const anlagen = documents.filter((document) => document.formId === 'kg1-anlage-kind');
    assert.deepEqual(
      anlagen.map((document) => document.title),
      [
        'KG 1 Anlage Kind zum Antrag auf Kindergeld (Kind 1)',
        'KG 1 Anlage Kind zum Antrag auf Kindergeld (Kind 2)',
      ],
    );
    for (const [index, document] of anlagen.entries()) {
      const reading = await readWithPdfJs(document.bytes);
      assert.equal(reading.fields!.get(`${anlage}.Kopfzeile[0].Überschrift[0].lfd-Nr[0]`), String(index + 1));
    }
  });

  it('fills Punkt 3 of the Anlage Kind by the birth date: Luka (19) has it, Mila (10) has none', async () => {
    const documents = await sut.fill('kindergeld', example('petrovic'), { mode: 'draft', today });
    const [luka, mila] = await Promise.all(
      documents
        .filter((document) => document.formId === 'kg1-anlage-kind')
        .map(async (document) => (await readWithPdfJs(document.bytes)).fields!),
    );
    const page2 = 'topmostSubform[0].Page2[0]';
    const proofAttached = `${page2}.Nachweise-zu-3[0].beigefügt[0]`;
    const trainingName = `${page2}.Frage-3\\.1[0].Ausbildung[0].Bezeichnung-Ausbild-3\\.1\\.1[0]`;
    assert.equal(luka.get(proofAttached), '1');
    assert.equal(luka.get(trainingName), 'Ausbildung zum Kfz-Mechatroniker');
    assert.equal(mila.get(proofAttached), 'Off');
    assert.equal(mila.get(trainingName), '');
  });

  it('prints the BIC only for an account abroad; one next to a German IBAN is left out, not refused', async () => {
    const bic = `${kg1}.Punkt-3[0].BIC[0]`;
    const answers = { ...example('petrovic'), 'bank.bic': 'INGDDEFFXXX' };
    const [german] = await sut.fill('kindergeld', answers, { mode: 'draft', today, formId: 'kg1' });
    assert.equal((await readWithPdfJs(german.bytes)).fields!.get(bic), '');
    const [abroad] = await sut.fill(
      'kindergeld',
      { ...answers, 'bank.iban': 'HR1210010051863000160', 'bank.bic': 'ZABAHR2X' },
      { mode: 'draft', today, formId: 'kg1' },
    );
    const fields = (await readWithPdfJs(abroad.bytes)).fields!;
    assert.equal(fields.get(bic), 'ZABAHR2X');
    assert.equal(fields.get(`${kg1}.Punkt-3[0].IBAN[0]`), 'HR1210010051863000160');
  });

  it('leaves answers the family marked "Ich weiß es nicht" empty instead of refusing the fill', async () => {
    const answers = example('petrovic');
    delete answers['applicant.birthDate'];
    const children = answers.children as Array<Record<string, unknown>>;
    delete children[1]['children.birthPlace'];
    await assert.rejects(sut.fill('kindergeld', answers, { mode: 'draft', today }), AnswersInvalidError);
    const documents = await sut.fill('kindergeld', answers, {
      mode: 'draft',
      today,
      unknownPaths: ['applicant.birthDate', 'children[1].children.birthPlace'],
    });
    const reading = await readWithPdfJs(documents[0].bytes);
    assert.equal(reading.fields!.get(`${kg1}.Punkt-1[0].Pkt-1-Zeile-3[0].Geburtsdatum-Antragsteller[0]`), '');
    assert.equal(reading.fields!.get(`${kg1}.Punkt-1[0].Pkt-1-Zeile-1[0].Name-Antragsteller[0]`), 'Petrović');
    // Only missing answers are tolerated: a wrong one is still refused.
    await assert.rejects(
      sut.fill(
        'kindergeld',
        { ...answers, 'bank.iban': 'DE00' },
        { mode: 'draft', today, unknownPaths: ['bank.iban'] },
      ),
      AnswersInvalidError,
    );
  });

  it('fills only the asked form of an application', async () => {
    const documents = await sut.fill('kindergeld', example('petrovic'), {
      mode: 'draft',
      today,
      formId: 'kg1',
    });
    assert.deepEqual(
      documents.map((document) => document.formId),
      ['kg1'],
    );
  });

  it('refuses answers the chat would not accept, naming each question', async () => {
    const answers = {
      ...example('petrovic'),
      'bank.iban': 'DE00 1234',
      'applicant.birthDate': '2099-01-01',
      'foo.bar': 1,
    };
    await assert.rejects(sut.fill('kindergeld', answers, { mode: 'draft', today }), (error: unknown) => {
      assert.ok(error instanceof AnswersInvalidError);
      const ids = error.problems.map((problem) => problem.questionId).sort();
      assert.deepEqual(ids, ['applicant.birthDate', 'bank.iban', 'foo.bar']);
      assert.match(error.message, /IBAN/);
      return true;
    });
  });
});

describe('filling without installed templates', () => {
  let context: INestApplicationContext;
  before(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [FillingModule.register({ formsDir: 'forms', templateDir: '/nonexistent/templates' })],
    }).compile();
    context = await moduleRef.init();
  });
  after(async () => {
    await context?.close();
  });

  it('renders the answer summary PDFs, marked as not the official form', async () => {
    const documents = await context
      .get(ApplicationFillerService)
      .fill('kindergeld', example('kovalenko'), { mode: 'draft', today });
    assert.ok(documents.length >= 2);
    for (const document of documents) {
      assert.equal(document.official, false);
      const reading = await readWithPdfJs(document.bytes);
      assert.match(reading.pageTexts[0], /Keine amtliche Fassung/);
      assert.match(reading.pageTexts.join(' '), /Kovalenko/);
    }
  });

  it('makes the copies of one application one right after the other, even with others waiting', async () => {
    // The real worker process; only the order in which its PDFs come back is recorded.
    const pool = context.get(PdfRenderPool);
    const finished: string[] = [];
    const renderAll = pool.renderAll.bind(pool);
    pool.renderAll = async (jobs) => {
      const documents = await renderAll(jobs);
      const family = JSON.stringify(jobs).includes('Kovalenko') ? 'A' : 'B';
      finished.push(...documents.map(() => family));
      return documents;
    };
    try {
      const filler = context.get(ApplicationFillerService);
      const [first, second] = await Promise.all([
        filler.fill('kindergeld', example('kovalenko'), { mode: 'draft', today }),
        filler.fill('kindergeld', example('petrovic'), { mode: 'draft', today }),
      ]);
      assert.ok(first.length >= 2 && second.length >= 2);
      // Copies queued one by one would interleave (A, B, A, B...): the first family's finished
      // PDFs would wait in memory for the rest of the queue.
      assert.deepEqual(finished, [...first.map(() => 'A'), ...second.map(() => 'B')]);
    } finally {
      pool.renderAll = renderAll;
    }
  });
});
