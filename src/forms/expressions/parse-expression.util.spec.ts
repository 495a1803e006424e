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

  it('reads escaped quotes in strings', () => {
    assert.deepEqual(sut('"a \\"b\\" c"'), { kind: 'literal', value: 'a "b" c' });
  });

  it('collects every identifier, including function arguments and list items', () => {
    const ids = collectIdentifiers(
      sut('a.b == 1 and (count(children) > 0 or not answered(c)) and d in [e, "x"]'),
    );
    assert.deepEqual([...ids].sort(), ['a.b', 'c', 'children', 'd', 'e']);
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
