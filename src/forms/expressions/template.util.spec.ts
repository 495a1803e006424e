import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseTemplate, renderTemplate, TemplateSyntaxError } from './template.util';

describe('parseTemplate and renderTemplate', () => {
  const parts = parseTemplate('{applicant.street}, {applicant.postalCode} {applicant.city}');
  const values: Record<string, string> = {
    'applicant.street': 'Lindenstraße 4',
    'applicant.postalCode': '44147',
    'applicant.city': 'Dortmund',
  };

  it('splits literal text and placeholders', () => {
    assert.deepEqual(parseTemplate('Kind {children.firstName}!'), [
      { kind: 'text', text: 'Kind ' },
      { kind: 'placeholder', id: 'children.firstName' },
      { kind: 'text', text: '!' },
    ]);
  });

  it('fills placeholders', () => {
    assert.equal(
      renderTemplate(parts, (id) => values[id]),
      'Lindenstraße 4, 44147 Dortmund',
    );
  });

  it('returns an empty text when no placeholder has a value, and tidies separators next to gaps', () => {
    assert.equal(
      renderTemplate(parts, () => ''),
      '',
    );
    assert.equal(
      renderTemplate(parts, (id) => (id === 'applicant.street' ? '' : values[id])),
      '44147 Dortmund',
    );
  });

  it('refuses placeholders that are not ids and unbalanced braces', () => {
    assert.throws(() => parseTemplate('{a b}'), TemplateSyntaxError);
    assert.throws(() => parseTemplate('{a.b'), TemplateSyntaxError);
    assert.throws(() => parseTemplate('a}'), TemplateSyntaxError);
  });
});
