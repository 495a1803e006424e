import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { queueFilterOf } from '../../src/review/pages/queue-filter.util';
import { replayThroughBot } from '../support/bot-transcript-runner';
import { transcriptNamed } from '../transcripts/transcript-runner';
import { startWorkspaceApp } from './workspace-app';
import { createUser, ensureTeam, signIn, SignedInUser } from './workspace-session';

const twoChildren = () => transcriptNamed('kg1-two-children.yaml');

describe('review workspace: the admin’s queue names and filters the teams', () => {
  let app: INestApplication;
  let dataDir: string;
  let admin: SignedInUser;
  let dragana: SignedInUser;
  let katernberg: string;
  let altendorfCase: string;
  let katernbergCase: string;
  let teamlessCase: string;
  const server = () => app.getHttpServer() as import('node:http').Server;

  before(async () => {
    let bot;
    ({ app, dataDir, bot } = await startWorkspaceApp('admin-queue-teams'));
    const altendorf = await ensureTeam(app, 'Essen-Altendorf');
    katernberg = await ensureTeam(app, 'Essen-Katernberg');
    await createUser(app, 'dragana.petrovic@example.org', 'kuemmerer', altendorf, 'Dragana Petrović');
    await createUser(app, 'ayse.yilmaz@example.org', 'admin', null, 'Ayşe Yılmaz');
    dragana = await signIn(app, 'dragana.petrovic@example.org');
    admin = await signIn(app, 'ayse.yilmaz@example.org');
    altendorfCase = (await (await replayThroughBot(bot, twoChildren())).stored())!.caseId!;
    katernbergCase = (await (await replayThroughBot(bot, twoChildren())).stored())!.caseId!;
    teamlessCase = (await (await replayThroughBot(bot, twoChildren())).stored())!.caseId!;
    const database = app.get(DataSource);
    await database.query('UPDATE cases SET team_id = ? WHERE id = ?', [katernberg, katernbergCase]);
    await database.query('UPDATE cases SET team_id = NULL WHERE id = ?', [teamlessCase]);
  });

  after(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const page = (user: SignedInUser, path: string) =>
    request(server()).get(path).set('Cookie', user.cookie).expect(200);
  const caseIds = (text: string) => [...text.matchAll(/<tr data-case="([^"]+)"/g)].map((match) => match[1]);
  /** The cells of a case's row, as text. */
  const cells = (text: string, caseId: string) =>
    [
      ...(new RegExp(`<tr data-case="${caseId}"[\\s\\S]*?</tr>`).exec(text)?.[0] ?? '').matchAll(
        /<td>([\s\S]*?)<\/td>/g,
      ),
    ].map((match) =>
      match[1]
        .replace(/<[^>]+>/g, '')
        .replace(/\s+/g, ' ')
        .trim(),
    );

  it('shows the admin a team column, with "ohne Team" for a case without one', async () => {
    const { text } = await page(admin, '/review');
    assert.match(text, /<th scope="col">Team<\/th>/);
    assert.deepEqual(new Set(caseIds(text)), new Set([altendorfCase, katernbergCase, teamlessCase]));
    assert.equal(cells(text, altendorfCase)[1], 'Essen-Altendorf');
    assert.equal(cells(text, katernbergCase)[1], 'Essen-Katernberg');
    assert.equal(cells(text, teamlessCase)[1], 'ohne Team / none');
    assert.match(text, /<select id="team" name="team">/);
    assert.match(text, new RegExp(`<option value="${katernberg}"\\s*>\\s*Essen-Katernberg\\s*</option>`));
  });

  it('filters the admin’s queue by team, or to the cases without one, on the page and in the live rows', async () => {
    const one = await page(admin, `/review?team=${katernberg}`);
    assert.deepEqual(caseIds(one.text), [katernbergCase]);
    assert.match(one.text, new RegExp(`<option value="${katernberg}"\\s+selected>`));
    assert.match(one.text, new RegExp(`data-team="${katernberg}"`));
    const none = await page(admin, '/review?team=none&status=');
    assert.deepEqual(caseIds(none.text), [teamlessCase]);
    const rows = await page(admin, `/review/rows?team=${katernberg}`);
    assert.deepEqual(caseIds(rows.text), [katernbergCase]);
    assert.equal(cells(rows.text, katernbergCase)[1], 'Essen-Katernberg');
    const api = await request(server())
      .get('/api/review/cases?team=none')
      .set('Cookie', admin.cookie)
      .expect(200);
    assert.deepEqual(
      api.body.items.map((item: { id: string; teamName: string | null }) => [item.id, item.teamName]),
      [[teamlessCase, null]],
    );
    await request(server()).get('/api/review/cases?team=bogus').set('Cookie', admin.cookie).expect(400);
  });

  it('ignores a team that makes no sense or does not exist, and says so', async () => {
    for (const team of ['bogus', '0a4c7a56-3b0e-4c34-9a5f-5d1c8e0f00d1']) {
      const { text } = await page(admin, `/review?team=${team}`);
      assert.match(text, /id="filter-ignored"[\s\S]*Team/, team);
      assert.equal(caseIds(text).length, 3, team);
    }
  });

  it('shows a Kümmerer neither the column nor the filter, and only their team whatever the address says', async () => {
    const { text } = await page(dragana, '/review');
    assert.doesNotMatch(text, /<th scope="col">Team<\/th>/);
    assert.doesNotMatch(text, /id="team"/);
    assert.deepEqual(caseIds(text), [altendorfCase]);
    assert.equal(cells(text, altendorfCase)[1], 'Eingereicht');
    const other = await page(dragana, `/review?team=${katernberg}`);
    assert.deepEqual(caseIds(other.text), [altendorfCase]);
    assert.match(other.text, /id="filter-ignored"/);
    const rows = await page(dragana, `/review/rows?team=${katernberg}`);
    assert.deepEqual(caseIds(rows.text), [altendorfCase]);
    const api = await request(server())
      .get(`/api/review/cases?team=${katernberg}`)
      .set('Cookie', dragana.cookie)
      .expect(200);
    assert.equal(api.body.total, 0, 'the team scope still holds in the API');
  });

  it('reads the team filter only for someone who sees several teams', () => {
    assert.equal(queueFilterOf({ team: katernberg.toUpperCase() }, { teams: true }).team, katernberg);
    assert.equal(queueFilterOf({ team: 'none' }, { teams: true }).team, 'none');
    assert.deepEqual(queueFilterOf({ team: '' }, { teams: true }).ignored, []);
    assert.deepEqual(queueFilterOf({ team: ['a', 'b'] }, { teams: true }).ignored, ['team']);
    const kuemmerer = queueFilterOf({ team: katernberg });
    assert.equal(kuemmerer.team, undefined);
    assert.deepEqual(kuemmerer.ignored, ['team']);
  });
});
