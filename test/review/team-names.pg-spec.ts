import { describe } from 'node:test';
import { createPgSchema } from '../support/pg-schema';
import { startTestApp } from '../support/test-app';
import { teamNameContract } from './team-names-contract';

describe('team names on PostgreSQL: one team however it is spelt', () => {
  teamNameContract(async () => {
    const schema = await createPgSchema('team_names');
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
