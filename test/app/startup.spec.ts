import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FormDefinitionError } from '../../src/forms/forms.errors';
import { startTestApp } from '../support/test-app';

describe('start-up', () => {
  it('refuses to start with a broken form definition and names the file and the problem', async () => {
    await assert.rejects(startTestApp({ FORMS_DIR: 'test/fixtures/forms/broken-form' }), (error: unknown) => {
      assert.ok(error instanceof FormDefinitionError);
      assert.match(error.message, /broken-form\/broken\/form\.yaml/);
      return true;
    });
  });

  it('stops the process with a plain message when the configuration is invalid', () => {
    const run = spawnSync(process.execPath, [join(__dirname, '..', '..', 'src', 'main.js')], {
      encoding: 'utf8',
      env: {
        ...process.env,
        PORT: 'not-a-port',
        DATA_DIR: mkdtempSync(join(tmpdir(), 'antragslotse-start-')),
      },
      timeout: 30_000,
    });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /Antragslotse could not start: Invalid configuration:\n {2}- PORT: /);
  });
});
