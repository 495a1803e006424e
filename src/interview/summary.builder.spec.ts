import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { kindergeldApplication } from '../../test/support/kindergeld-application';
import { handleInput, startInterview } from './index';
import { summarize as sut } from './summary.builder';

const options = { today: '2025-11-20', now: '2025-11-20T10:00:00.000Z' };

describe('summarize', () => {
  it('labels answers with the short labels of the definitions in the chat language: German, English, Ukrainian', async () => {
    const application = await kindergeldApplication();
    const started = startInterview(application, { locale: 'de', ...options });
    const consented = handleInput(
      application,
      started.state,
      { type: 'action', action: 'consent', value: 'accept' },
      options,
    );
    const state = {
      ...consented.state,
      answers: {
        'applicant.hasKindergeldNumber': false,
        'applicant.lastName': 'Petrović',
        'bank.iban': 'DE89370400440532013000',
      },
    };
    const lines = (locale: 'de' | 'en' | 'uk') =>
      sut(application, { ...state, locale }, options.today).flatMap((group) =>
        group.items.map((item) => `${item.label}: ${item.value}`),
      );
    assert.deepEqual(lines('de'), [
      'Kindergeldnummer vorhanden: Nein',
      'Familienname: Petrović',
      'IBAN: DE89 3704 0044 0532 0130 00',
    ]);
    assert.deepEqual(lines('en'), [
      'Has a child benefit number: No',
      'Last name: Petrović',
      'IBAN: DE89 3704 0044 0532 0130 00',
    ]);
    assert.equal(lines('uk')[1], 'Прізвище: Petrović');
  });

  it("names each row's change button after its item, the child included, in every language", async () => {
    const application = await kindergeldApplication();
    const started = startInterview(application, { locale: 'de', ...options });
    const state = {
      ...started.state,
      answers: {
        'applicant.lastName': 'Petrović',
        children: [{ 'children.firstName': 'Mila', 'children.birthDate': '2019-04-02' }],
      },
    };
    const titles = (locale: 'de' | 'en' | 'ar') =>
      new Map(
        sut(application, { ...state, locale }, options.today).flatMap((group) =>
          group.items.map((item) => [item.path, item.change.title] as const),
        ),
      );
    const german = titles('de');
    assert.equal(german.get('applicant.lastName'), 'Ändern: Familienname Petrović');
    assert.equal(
      german.get('children[0].children.birthDate'),
      'Ändern: Geburtsdatum 02.04.2019 (Kind 1: Mila)',
    );
    assert.equal(titles('en').get('applicant.lastName'), 'Change: Last name Petrović');
    assert.match(titles('ar').get('children[0].children.birthDate')!, /^تغيير: .*02\.04\.2019/);
    for (const [path, title] of german) {
      assert.notEqual(title, 'Ändern', `${path} names its item`);
    }
  });
});
