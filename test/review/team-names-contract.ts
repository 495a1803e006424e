import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AccountsError } from '../../src/accounts/accounts.errors';
import { TeamsService } from '../../src/accounts/teams.service';
import { TeamSlugs1796620000000 } from '../../src/database/migrations/1796620000000-team-slugs';
import { createUser, signIn, SignedInUser } from './workspace-session';

/**
 * Team names that differ only in capitals, spaces, hyphens or accents are one team: the same
 * checks on SQLite (team-names.spec.ts) and PostgreSQL (team-names.pg-spec.ts).
 */
export function teamNameContract(
  start: () => Promise<{ app: INestApplication; close(): Promise<void> }>,
): void {
  let app: INestApplication;
  let started: { app: INestApplication; close(): Promise<void> } | undefined;
  let admin: SignedInUser;
  const server = () => app.getHttpServer() as import('node:http').Server;
  const teams = () => app.get(TeamsService);

  before(async () => {
    started = await start();
    app = started.app;
    await createUser(app, 'ayse.yilmaz@example.org', 'admin', null, 'Ayşe Yılmaz');
    admin = await signIn(app, 'ayse.yilmaz@example.org');
    await teams().create('Team Altendorf', 'test');
  });
  after(() => started?.close());

  it('refuses a name that differs only in capitals, spaces, hyphens or accents, naming the team there is', async () => {
    for (const name of [
      'team altendorf',
      'TEAM ALTENDORF',
      ' Team-Altendorf ',
      'Team Altendörf',
      'team_altendorf',
    ]) {
      await assert.rejects(teams().create(name, 'test'), (error: unknown) => {
        assert.ok(error instanceof AccountsError, name);
        assert.equal(error.code, 'TEAM_NAME_TAKEN', name);
        assert.match(error.message, /Ein Team mit diesem Namen gibt es schon: „Team Altendorf“/);
        return true;
      });
    }
    assert.deepEqual(
      (await teams().list()).map((team) => team.name),
      ['Team Altendorf'],
    );
  });

  it('refuses a name without a letter or digit', async () => {
    await assert.rejects(teams().create('--', 'test'), { code: 'TEAM_NAME_INVALID' });
  });

  it('finds the team by any such spelling (user:create --team)', async () => {
    const existing = await teams().findOrCreate('team-altendorf', 'test');
    assert.equal(existing.name, 'Team Altendorf');
  });

  it('answers the admin API with 409 and the German message', async () => {
    const refused = await request(server())
      .post('/api/admin/teams')
      .set('Cookie', admin.cookie)
      .set('X-CSRF-Token', admin.csrfToken)
      .send({ name: 'team altendorf' })
      .expect(409);
    assert.equal(refused.body.code, 'TEAM_NAME_TAKEN');
    assert.match(refused.body.message, /gibt es schon: „Team Altendorf“/);
    await request(server())
      .post('/api/admin/teams')
      .set('Cookie', admin.cookie)
      .set('X-CSRF-Token', admin.csrfToken)
      .send({ name: '–––' })
      .expect(422);
  });

  it('refuses it on the admin page too, keeping what was typed', async () => {
    const page = await request(server())
      .post('/review/admin/teams')
      .set('Cookie', admin.cookie)
      .type('form')
      .send({ name: 'TEAM ALTENDORF', _csrf: admin.csrfToken })
      .expect(409);
    assert.match(page.text, /Ein Team mit diesem Namen gibt es schon: „Team Altendorf“/);
    assert.match(page.text, /value="TEAM ALTENDORF"/);
  });

  it('holds in the database as well: a second team with the same slug is refused by the unique index', async () => {
    const repository = app.get(DataSource).getRepository('Team');
    await assert.rejects(repository.insert({ name: 'TEAM ALTENDORF' }));
  });

  it('upgrades a database that already has such duplicates: the oldest keeps the slug, later ones get -2, -3', async () => {
    const dataSource = app.get(DataSource);
    const runner = dataSource.createQueryRunner();
    const migration = new TeamSlugs1796620000000();
    const postgres = dataSource.options.type === 'postgres';
    const parameters = postgres ? '$1, $2, $3' : '?, ?, ?';
    try {
      await migration.down(runner);
      const ids = ['0a4c7a56-3b0e-4c34-9a5f-5d1c8e0f0001', '0a4c7a56-3b0e-4c34-9a5f-5d1c8e0f0002'];
      await runner.query(`INSERT INTO "teams" ("id", "name", "created_at") VALUES (${parameters})`, [
        ids[0],
        'team altendorf',
        '2030-01-02 00:00:00',
      ]);
      await runner.query(`INSERT INTO "teams" ("id", "name", "created_at") VALUES (${parameters})`, [
        ids[1],
        'Team-Altendorf',
        '2030-01-03 00:00:00',
      ]);
      await migration.up(runner);
      const rows = (await runner.query(`SELECT "name", "slug" FROM "teams" ORDER BY "created_at"`)) as Array<{
        name: string;
        slug: string;
      }>;
      assert.deepEqual(
        rows.map((row) => [row.name, row.slug]),
        [
          ['Team Altendorf', 'team-altendorf'],
          ['team altendorf', 'team-altendorf-2'],
          ['Team-Altendorf', 'team-altendorf-3'],
        ],
      );
    } finally {
      await runner.release();
    }
  });
}
