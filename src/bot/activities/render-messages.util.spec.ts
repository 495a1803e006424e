import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BotMessage } from '../../interview/engine.types';
import { renderMessage } from './render-messages.util';

interface CardRow {
  type: string;
  minHeight?: string;
  selectAction?: { type: string; title: string; data: unknown };
  columns?: Array<{ verticalContentAlignment?: string; items: Array<{ text: string }> }>;
}

const summary: BotMessage = {
  text: 'Hier sind Ihre Angaben.',
  locale: 'de',
  direction: 'ltr',
  kind: 'summary',
  summary: [
    {
      title: 'Kind 1: Mila',
      items: [
        {
          path: 'children[0].children.birthDate',
          label: 'Geburtsdatum',
          value: '02.04.2019',
          change: {
            title: 'Ändern: Geburtsdatum 02.04.2019 (Kind 1: Mila)',
            action: 'change',
            value: 'children[0].children.birthDate',
          },
        },
      ],
    },
  ],
};

describe('the summary card', () => {
  it('makes every row a named touch target of at least 44 px that asks to change its answer', () => {
    const card = renderMessage(summary).attachments?.[0]?.content as { body: CardRow[] };
    const rows = card.body.filter((element) => element.type === 'ColumnSet');
    assert.equal(rows.length, 1);
    const [row] = rows;
    assert.equal(row.minHeight, '44px');
    assert.deepEqual(row.selectAction, {
      type: 'Action.Submit',
      title: 'Ändern: Geburtsdatum 02.04.2019 (Kind 1: Mila)',
      data: { action: 'change', value: 'children[0].children.birthDate' },
    });
    assert.deepEqual(
      row.columns?.map((column) => [column.verticalContentAlignment, column.items[0].text]),
      [
        ['Center', 'Geburtsdatum'],
        ['Center', '02.04.2019'],
      ],
    );
  });
});
