import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../src/config/app-config';
import { databaseOptions } from '../../src/database/database-options';
import { PasswordHasher } from '../../src/accounts/password/password-hasher.service';

const script = join(__dirname, '..', '..', 'scripts', 'user-create.js');

/** Runs the command with the password on standard input, as an operator would pipe it. */
function userCreate(args: string[], stdin: string, dataDir: string) {
  const result = spawnSync(process.execPath, [script, ...args], {
    input: stdin,
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'test', DATA_DIR: dataDir, LOG_LEVEL: 'error' },
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('user:create (dist/scripts/user-create.js)', () => {
  let dataDir: string;

  before(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'user-create-'));
  });

  after(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function readUsers(): Promise<
    Array<{ login: string; role: string; team: string | null; hash: string }>
  > {
    const dataSource = new DataSource(databaseOptions(loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir })));
    await dataSource.initialize();
    try {
      return await dataSource.query<
        Array<{ login: string; role: string; team: string | null; hash: string }>
      >(
        `SELECT u.login AS login, u.role AS role, t.name AS team, u.password_hash AS hash
           FROM users u LEFT JOIN teams t ON t.id = u.team_id ORDER BY u.login`,
      );
    } finally {
      await dataSource.destroy();
    }
  }

  it('creates the first admin with the password from standard input, hashed with argon2id', async () => {
    const run = userCreate(
      ['--email', 'Ayse.Yilmaz@example.org', '--name', 'Ayşe Yılmaz', '--role', 'admin'],
      'Sonnenblumen-Wiese-42\n',
      dataDir,
    );
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /Konto angelegt \/ account created: ayse\.yilmaz@example\.org \(admin\)/);
    const [user] = await readUsers();
    assert.equal(user.login, 'ayse.yilmaz@example.org');
    assert.match(user.hash, /^\$argon2id\$v=19\$m=65536,t=3,p=1\$/);
    assert.equal(await new PasswordHasher().verify(user.hash, 'Sonnenblumen-Wiese-42'), true);
  });

  it('creates a Kümmerer and the named team when it is missing', async () => {
    const run = userCreate(
      [
        '--email',
        'dragana.petrovic@example.org',
        '--name',
        'Dragana Petrović',
        '--role',
        'kuemmerer',
        '--team',
        'Essen-Altendorf',
      ],
      'Lange-Bohnen-Suppe-7\r\n',
      dataDir,
    );
    assert.equal(run.status, 0, run.stderr);
    const users = await readUsers();
    assert.deepEqual(
      users.map(({ login, role, team }) => ({ login, role, team })),
      [
        { login: 'ayse.yilmaz@example.org', role: 'admin', team: null },
        { login: 'dragana.petrovic@example.org', role: 'kuemmerer', team: 'Essen-Altendorf' },
      ],
    );
  });

  it('refuses a weak password with the reasons and writes nothing', async () => {
    const run = userCreate(
      [
        '--email',
        'olena.kovalenko@example.org',
        '--name',
        'Olena Kovalenko',
        '--role',
        'kuemmerer',
        '--team',
        'Essen-Neu',
      ],
      'passwort24\n',
      dataDir,
    );
    assert.equal(run.status, 1);
    assert.match(run.stderr, /Das Passwort erfüllt die Regeln nicht/);
    assert.match(run.stderr, /zu kurz/);
    assert.match(run.stderr, /zu bekannt/);
    const users = await readUsers();
    assert.equal(users.length, 2);
    assert.ok(users.every((user) => user.team !== 'Essen-Neu'));
  });

  it('never takes the password from the command line', () => {
    for (const args of [
      ['--password', 'Sonnenblumen-Wiese-42'],
      ['--password=Sonnenblumen-Wiese-42'],
      ['-p', 'x'],
    ]) {
      const run = userCreate(
        ['--email', 'mehmet.yilmaz@example.org', '--name', 'Mehmet Yılmaz', '--role', 'admin', ...args],
        'Sonnenblumen-Wiese-42\n',
        dataDir,
      );
      assert.equal(run.status, 1);
      assert.match(run.stderr, /Das Passwort darf nicht auf der Kommandozeile stehen/);
    }
  });

  it('refuses an empty password, a missing argument and an unknown role', () => {
    const empty = userCreate(
      ['--email', 'm@example.org', '--name', 'Mehmet Yılmaz', '--role', 'admin'],
      '',
      dataDir,
    );
    assert.equal(empty.status, 1);
    assert.match(empty.stderr, /Kein Passwort erhalten/);
    const missing = userCreate(
      ['--email', 'm@example.org', '--role', 'admin'],
      'Sonnenblumen-Wiese-42\n',
      dataDir,
    );
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /--name/);
    const role = userCreate(
      ['--email', 'm@example.org', '--name', 'M', '--role', 'root'],
      'Sonnenblumen-Wiese-42\n',
      dataDir,
    );
    assert.equal(role.status, 1);
    assert.match(role.stderr, /admin oder kuemmerer/);
  });

  it('refuses a second account for the same address', () => {
    const run = userCreate(
      ['--email', 'AYSE.YILMAZ@example.org', '--name', 'Ayşe Yılmaz', '--role', 'admin'],
      'Noch-Ein-Langes-Passwort-9\n',
      dataDir,
    );
    assert.equal(run.status, 1);
    assert.match(run.stderr, /hat schon ein Konto/);
  });
});
