import { after, before, describe } from 'node:test';
import { pdfBasesContract } from '../../test/support/pdf-bases-contract';
import { openTestDatabase, type TestDatabase } from '../../test/support/test-database';

describe('PdfBasesService on PostgreSQL', () => {
  let database: TestDatabase;
  before(async () => {
    database = await openTestDatabase({ postgres: true });
  });
  after(() => database?.close());

  pdfBasesContract(() => database);
});
