import { describe } from 'node:test';
import { createPgSchema } from '../support/pg-schema';
import { startTestApp } from '../support/test-app';
import { itemRemovalContract } from './item-removal-contract';

describe('removing an item of a repeat group on PostgreSQL', () => {
  itemRemovalContract(async () => {
    const schema = await createPgSchema('item_removal');
    const sut = await startTestApp({ DATABASE_URL: schema.url });
    return {
      app: sut.app,
      async close() {
        await sut.close();
        await schema.drop();
      },
    };
  });
});
