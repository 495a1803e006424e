import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { collectIdentifiers } from './collect-identifiers.util';
import { evaluateExpression, EvaluationScope } from './evaluate-expression.util';
import { ExpressionSyntaxError } from './expression.errors';
import { parseExpression as sut } from './parse-expression.util';

const answers: Record<string, unknown> = {
  'applicant.maritalStatus': 'verheiratet',
  'applicant.hasPartner': true,
  'applicant.birthDate': '1990-05-17',
  'applicant.income': 1200.5,
  'applicant.lastName': 'Yılmaz',
  children: [{ 'children.firstName': 'Elif' }, { 'children.firstName': 'Can' }],
};
const scope: EvaluationScope = { lookup: (id) => answers[id], today: '2025-10-01' };
const run = (source: string) => evaluateExpression(sut(source), scope);

describe('parseExpression and evaluateExpression', () => {
  it('compares with == and != against strings, numbers, booleans and null', () => {
    assert.equal(run('applicant.maritalStatus == "verheiratet"'), true);
    assert.equal(run("applicant.maritalStatus != 'ledig'"), true);
    assert.equal(run('applicant.hasPartner == true'), true);
    assert.equal(run('applicant.income == 1200.5'), true);
    assert.equal(run('applicant.unanswered == null'), true);
    assert.equal(run('applicant.unanswered != null'), false);
  });

  it('orders numbers and ISO dates, and refuses to order mixed types', () => {
    assert.equal(run('applicant.income > 1000'), true);
    assert.equal(run('applicant.income <= 1000'), false);
    assert.equal(run('applicant.income >= 1200.5 and applicant.income < 1201'), true);
    assert.equal(run('applicant.birthDate < "2000-01-01"'), true);
    assert.equal(run('applicant.birthDate < today()'), true);
    assert.equal(run('applicant.lastName > 3'), false);
    assert.equal(run('-5 < 0'), true);
  });

  it('supports in and not in with list literals', () => {
    assert.equal(run('applicant.maritalStatus in ["verheiratet", "lebenspartnerschaft"]'), true);
    assert.equal(run('applicant.maritalStatus in ["ledig"]'), false);
    assert.equal(run('applicant.maritalStatus not in ["ledig", "geschieden"]'), true);
    assert.equal(run('applicant.unanswered in []'), false);
  });

  it('combines with and, or, not and parentheses with the usual precedence', () => {
    assert.equal(run('false or true and false'), false);
    assert.equal(run('(false or true) and true'), true);
    assert.equal(run('not (applicant.hasPartner or false)'), false);
    assert.equal(run('not not applicant.hasPartner'), true);
    assert.equal(run('not applicant.unanswered'), true);
  });

  it('gives position() of the current repeat item, and null outside one', () => {
    const inSecondChild: EvaluationScope = {
      ...scope,
      position: (id) => (id === 'children' ? 2 : undefined),
    };
    assert.equal(evaluateExpression(sut('position(children)'), inSecondChild), 2);
    assert.equal(evaluateExpression(sut('position(applicant.income)'), inSecondChild), null);
    assert.equal(run('position(children)'), null);
    assert.throws(() => sut('position("children")'), ExpressionSyntaxError);
  });

  it('provides count(), answered() and today()', () => {
    assert.equal(run('count(children)'), 2);
    assert.equal(run('count(children) > 5'), false);
    assert.equal(run('count(applicant.unanswered)'), 0);
    assert.equal(run('answered(applicant.lastName)'), true);
    assert.equal(run('answered(applicant.unanswered)'), false);
    assert.equal(run('today()'), '2025-10-01');
  });

  it("resolves date() with the relative dates of the validation rules, from the scope's today", () => {
    assert.equal(run('date("today")'), '2025-10-01');
    assert.equal(run('date("today-18y")'), '2007-10-01');
    assert.equal(run('date("today+3m")'), '2026-01-01');
    assert.equal(run("date('today-14d')"), '2025-09-17');
    assert.equal(run('date("2010-05-03")'), '2010-05-03');
    // 29 February minus a year is the 28th, as in the rules.
    const leapDay: EvaluationScope = { ...scope, today: '2024-02-29' };
    assert.equal(evaluateExpression(sut('date("today-1y")'), leapDay), '2023-02-28');
  });

  it('compares ISO dates with date() and treats a missing date as neither before nor after', () => {
    assert.equal(run('applicant.birthDate <= date("today-18y")'), true);
    assert.equal(run('applicant.birthDate > date("today-18y")'), false);
    assert.equal(run('applicant.unanswered <= date("today-18y")'), false);
    assert.equal(run('applicant.unanswered > date("today-18y")'), false);
  });

  it('gives age() in whole years on today or on a given day, counted by birthdays', () => {
    const birthday = (birthDate: string, today: string, source = 'age(applicant.birthDate)') =>
      evaluateExpression(sut(source), { lookup: () => birthDate, today });
    assert.equal(run('age(applicant.birthDate)'), 35);
    assert.equal(birthday('2007-10-01', '2025-10-01'), 18, 'on the 18th birthday');
    assert.equal(birthday('2007-10-02', '2025-10-01'), 17, 'the day before');
    assert.equal(birthday('2007-12-31', '2025-10-01', 'age(x, date("today+3m"))'), 18, 'within three months');
    assert.equal(birthday('2008-01-02', '2025-10-01', 'age(x, date("today+3m"))'), 17, 'just after them');
    assert.equal(birthday('2025-10-01', '2025-10-01'), 0, 'born today');
    // Born on 29 February: a year older on 1 March in other years, on the 29th in leap years.
    assert.equal(birthday('2008-02-29', '2026-02-28'), 17);
    assert.equal(birthday('2008-02-29', '2026-03-01'), 18);
    assert.equal(birthday('2008-02-29', '2028-02-29'), 20);
    assert.equal(birthday('2008-02-29', '2025-11-30', 'age(x, date("today+3m")) >= 18'), false);
    assert.equal(birthday('2008-02-28', '2025-11-30', 'age(x, date("today+3m")) >= 18'), true);
  });

  it('gives no age (null, so every comparison is false) without a usable birth date', () => {
    assert.equal(run('age(applicant.unanswered)'), null);
    assert.equal(run('age(applicant.unanswered) >= 18'), false);
    assert.equal(run('age(applicant.unanswered) < 18'), false);
    assert.equal(run('age(applicant.lastName)'), null, 'not a date');
    assert.equal(run('age(applicant.income)'), null, 'not a text');
    assert.equal(run('age("2024-02-30")'), null, 'no such day');
    assert.equal(run('age("2026-01-01")'), null, 'born after the day asked about');
    assert.equal(run('age(applicant.birthDate, applicant.unanswered)'), null);
  });

  it('tests the start of a text with startsWith(), false for anything that is not a text', () => {
    const iban = (value: unknown, source = 'startsWith(bank.iban, "DE")') =>
      evaluateExpression(sut(source), { lookup: () => value, today: '2025-10-01' });
    assert.equal(iban('DE89370400440532013000'), true);
    assert.equal(iban('AT611904300234573201'), false);
    assert.equal(iban('de89370400440532013000'), false, 'case matters: answers are stored normalised');
    assert.equal(iban(null), false);
    assert.equal(iban(undefined), false);
    assert.equal(iban(42), false);
    assert.equal(iban('DE', 'startsWith(bank.iban, "")'), true);
    assert.equal(iban(null, 'not startsWith(bank.iban, "DE")'), true, 'so guard it with answered()');
    assert.equal(iban(null, 'answered(bank.iban) and not startsWith(bank.iban, "DE")'), false);
  });

  it('reads escaped quotes in strings', () => {
    assert.deepEqual(sut('"a \\"b\\" c"'), { kind: 'literal', value: 'a "b" c' });
  });

  it('collects every identifier, including function arguments and list items', () => {
    const ids = collectIdentifiers(
      sut('a.b == 1 and (count(children) > 0 or not answered(c)) and d in [e, "x"]'),
    );
    assert.deepEqual([...ids].sort(), ['a.b', 'c', 'children', 'd', 'e']);
    const dated = collectIdentifiers(
      sut('age(children.birthDate, date("today+3m")) >= 18 or startsWith(bank.iban, "DE")'),
    );
    assert.deepEqual([...dated].sort(), ['bank.iban', 'children.birthDate']);
  });

  const syntaxErrors: Array<[string, number, RegExp]> = [
    ['', 0, /empty expression/],
    ['a ==', 4, /ends too early/],
    ['a == "open', 5, /unterminated string/],
    ['(a == 1', 7, /"\)" expected at the end/],
    ['a == 1 b', 7, /unexpected "b"/],
    ['a = 1', 2, /unexpected character "="/],
    ['a. == 1', 1, /a name must follow the dot/],
    ['length(a)', 0, /unknown function "length"/],
    ['count("children")', 0, /count\(\) takes a question id/],
    ['today(a)', 0, /today\(\) takes 0 argument/],
    ['answered()', 0, /answered\(\) takes 1 argument/],
    ['[1, 2', 5, /"\]" expected/],
    ['a in not', 5, /unexpected "not"/],
    ['date(today)', 5, /date\(\) takes a date in quotes, such as date\("today-18y"\)/],
    ['a < date(today())', 9, /date\(\) takes a date in quotes/],
    [
      'a < date("today-18")',
      9,
      /date\("today-18"\) is not a date: write YYYY-MM-DD, "today", or today with one offset/,
    ],
    ['a < date("yesterday")', 9, /date\("yesterday"\) is not a date/],
    ['a < date("2023-02-29")', 9, /date\("2023-02-29"\) is not a date/],
    ['a < date("today-18y+3m")', 9, /date\("today-18y\+3m"\) is not a date/],
    ['date()', 0, /date\(\) takes 1 argument/],
    ['date("today", "today")', 0, /date\(\) takes 1 argument\(s\), got 2/],
    ['age()', 0, /age\(\) takes 1 or 2 argument\(s\), got 0/],
    ['age(a, b, c)', 0, /age\(\) takes 1 or 2 argument\(s\), got 3/],
    ['startsWith(a)', 0, /startsWith\(\) takes 2 argument\(s\), got 1/],
    [
      'startswith(a, "DE")',
      0,
      /unknown function "startswith" \(known: count, answered, today, position, date, age, startsWith\)/,
    ],
    ['a == 1 and date("today-18y"', 27, /"\)" expected at the end/],
  ];
  for (const [source, position, message] of syntaxErrors) {
    it(`reports "${source}" as a syntax error at position ${position + 1}`, () => {
      assert.throws(
        () => sut(source),
        (error: unknown) =>
          error instanceof ExpressionSyntaxError &&
          error.position === position &&
          message.test(error.message),
      );
    });
  }

  it('evaluates 100,000 parsed conditions well under a second', () => {
    const tree = sut(
      'applicant.maritalStatus in ["verheiratet", "lebenspartnerschaft"] and count(children) > 1',
    );
    const started = performance.now();
    for (let index = 0; index < 100_000; index++) {
      evaluateExpression(tree, scope);
    }
    const elapsed = performance.now() - started;
    assert.ok(elapsed < 1000, `took ${elapsed.toFixed(0)} ms`);
  });
});
