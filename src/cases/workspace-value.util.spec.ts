import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { kindergeldApplication } from '../../test/support/kindergeld-application';
import { QuestionDefinition } from '../forms/definition/question.types';
import { displayWorkspaceValue, workspaceInputText } from './format-workspace-value.util';
import { readWorkspaceValue } from './parse-workspace-value.util';

const today = '2025-11-20';

async function question(id: string): Promise<QuestionDefinition> {
  const found = (await kindergeldApplication()).questions.get(id);
  assert.ok(found, `no question ${id}`);
  return found.question;
}

describe('reading what a Kümmerer types into a correction field', () => {
  it('reads German dates with and without leading zeros, and ISO dates', async () => {
    const birthDate = await question('applicant.birthDate');
    for (const typed of ['3.5.1986', '03.05.1986', '1986-05-03', ' 3. Mai 1986 ']) {
      assert.deepEqual(readWorkspaceValue(birthDate, typed, today), { ok: true, value: '1986-05-03' }, typed);
    }
  });

  it('refuses a day that does not exist and a date in the future, in plain German', async () => {
    const birthDate = await question('applicant.birthDate');
    const invalid = readWorkspaceValue(birthDate, '31.02.1986', today);
    assert.equal(invalid.ok, false);
    assert.equal(!invalid.ok && invalid.message.de, 'Diesen Tag gibt es nicht. Bitte prüfen Sie das Datum.');
    const future = readWorkspaceValue(birthDate, '01.01.2030', today);
    assert.equal(!future.ok && future.code, 'DATE_IN_FUTURE');
    const nonsense = readWorkspaceValue(birthDate, 'gestern', today);
    assert.equal(!nonsense.ok && nonsense.code, 'NOT_A_DATE');
  });

  it('takes a choice by its code or its exact label, and refuses anything else naming the options', async () => {
    const maritalStatus = await question('applicant.maritalStatus');
    assert.deepEqual(readWorkspaceValue(maritalStatus, 'verheiratet', today), {
      ok: true,
      value: 'verheiratet',
    });
    assert.deepEqual(readWorkspaceValue(maritalStatus, 'ledig (nie verheiratet)', today), {
      ok: true,
      value: 'ledig',
    });
    // The chat would guess "verheiratet" from a prefix; a correction stores only what was picked.
    for (const typed of ['verh', 'verheirated', 'Ehefrau']) {
      const refused = readWorkspaceValue(maritalStatus, typed, today);
      assert.equal(refused.ok, false, typed);
      assert.equal(!refused.ok && refused.code, 'NOT_AN_OPTION');
      assert.match(
        !refused.ok ? refused.message.de : '',
        /^Das ist keine der Möglichkeiten\. Bitte wählen Sie eine aus: ledig \(nie verheiratet\), verheiratet, .*verwitwet\.$/,
      );
    }
  });

  it('reads yes/no, money and identifiers like the chat', async () => {
    const ownAccount = await question('bank.ownAccount');
    assert.deepEqual(readWorkspaceValue(ownAccount, 'nein', today), { ok: true, value: false });
    assert.deepEqual(readWorkspaceValue(ownAccount, 'Ja', today), { ok: true, value: true });
    assert.equal(readWorkspaceValue(ownAccount, 'vielleicht', today).ok, false);
    const iban = await question('bank.iban');
    assert.deepEqual(readWorkspaceValue(iban, 'de02 1203 0000 0000 2020 51', today), {
      ok: true,
      value: 'DE02120300000000202051',
    });
    const wrong = readWorkspaceValue(iban, 'DE00 1234', today);
    assert.equal(!wrong.ok && wrong.code, 'INVALID_IBAN');
  });

  it('clears an optional answer with an empty field and asks for a required one', async () => {
    assert.deepEqual(readWorkspaceValue(await question('applicant.title'), '  ', today), {
      ok: true,
      value: null,
    });
    const required = readWorkspaceValue(await question('applicant.lastName'), '', today);
    assert.equal(!required.ok && required.code, 'REQUIRED');
  });
});

describe('showing answers on the case page', () => {
  it('shows dates as TT.MM.JJJJ, choices by label, yes/no as Ja/Nein and nothing as a dash', async () => {
    assert.equal(displayWorkspaceValue(await question('applicant.birthDate'), '1986-03-14'), '14.03.1986');
    assert.equal(
      displayWorkspaceValue(await question('applicant.maritalStatus'), 'ledig'),
      'ledig (nie verheiratet)',
    );
    assert.equal(displayWorkspaceValue(await question('applicant.sex'), 'weiblich'), 'weiblich');
    assert.equal(displayWorkspaceValue(await question('bank.ownAccount'), true), 'Ja');
    assert.equal(displayWorkspaceValue(await question('applicant.title'), null), '–');
  });

  it('starts a correction field with text that reads back to the same value', async () => {
    const cases: Array<[string, string | number | boolean]> = [
      ['applicant.birthDate', '1986-03-14'],
      ['applicant.maritalStatus', 'verheiratet'],
      ['bank.ownAccount', false],
      ['bank.iban', 'DE02120300000000202051'],
      ['applicant.lastName', 'Yılmaz'],
      ['children.foreignBenefitMonthlyAmount', 1234.5],
    ];
    for (const [id, value] of cases) {
      const definition = await question(id);
      const typed = workspaceInputText(definition, value);
      assert.deepEqual(
        readWorkspaceValue(definition, typed, today),
        { ok: true, value },
        `${id}: "${typed}"`,
      );
    }
    assert.equal(workspaceInputText(await question('applicant.birthDate'), '1986-03-14'), '14.03.1986');
    assert.equal(
      workspaceInputText(await question('children.foreignBenefitMonthlyAmount'), 1234.5),
      '1.234,50',
    );
  });
});
