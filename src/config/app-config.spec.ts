import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigValidationError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('uses the embedded defaults when nothing is set', () => {
    const sut = loadConfig({});
    assert.equal(sut.PORT, 3000);
    assert.equal(sut.databaseKind, 'sqlite');
    assert.equal(sut.templateDir, './data/templates');
    assert.equal(sut.FORMS_DIR, './forms');
  });

  it('switches to PostgreSQL when DATABASE_URL is set and reads numbers', () => {
    const sut = loadConfig({
      DATABASE_URL: 'postgres://127.0.0.1:5432/test',
      PORT: '8080',
      DATA_DIR: '/srv/data/',
    });
    assert.equal(sut.databaseKind, 'postgres');
    assert.equal(sut.PORT, 8080);
    assert.equal(sut.templateDir, '/srv/data/templates');
  });

  it('lists every problem at once and never echoes a value', () => {
    assert.throws(
      () => loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://user:geheim@host/db', LOG_LEVEL: 'loud' }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigValidationError);
        assert.equal(error.problems.length, 3);
        assert.match(error.message, /PORT/);
        assert.match(error.message, /DATABASE_URL must start with postgres/);
        assert.match(error.message, /LOG_LEVEL/);
        assert.doesNotMatch(error.message, /geheim/);
        return true;
      },
    );
  });

  it('ignores unrelated environment variables', () => {
    assert.doesNotThrow(() => loadConfig({ PATH: '/usr/bin', HOME: '/root' }));
  });
});
