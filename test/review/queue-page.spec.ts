import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { replayThroughBot } from '../support/bot-transcript-runner';
import { readTranscript, transcriptFiles } from '../transcripts/transcript-runner';
import { queueFilterOf } from '../../src/review/pages/queue-filter.util';
import { startWorkspaceApp } from './workspace-app';
import { createUser, ensureTeam, signIn, SignedInUser } from './workspace-session';

describe('review workspace: the queue page reads its filter leniently', () => {
  let app: INestApplication;
  let dataDir: string;
  let dragana: SignedInUser;
  let caseId: string;

  before(async () => {
    let bot;
    ({ app, dataDir, bot } = await startWorkspaceApp('queue-page'));
    const altendorf = await ensureTeam(app, 'Essen-Altendorf');
    await createUser(app, 'dragana.petrovic@example.org', 'kuemmerer', altendorf, 'Dragana Petrović');
    dragana = await signIn(app, 'dragana.petrovic@example.org');
    const transcript = readTranscript(
      transcriptFiles().find((file) => file.endsWith('kg1-two-children.yaml'))!,
    );
    caseId = (await (await replayThroughBot(bot, transcript)).stored())!.caseId!;
  });

  after(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const queue = (query: string) =>
    request(app.getHttpServer() as import('node:http').Server)
      .get(`/review${query}`)
      .set('Cookie', dragana.cookie);

  it('takes the form’s "Alle" options (empty values) as not set', async () => {
    const page = await queue('?status=&assignee=').expect(200);
    assert.match(page.text, new RegExp(`data-case="${caseId}"`));
    assert.doesNotMatch(page.text, /id="filter-ignored"/);
    const mine = await queue('?status=&assignee=me').expect(200);
    assert.match(mine.text, /0 Fälle/);
    const open = await queue('?status=submitted&assignee=').expect(200);
    assert.match(open.text, new RegExp(`data-case="${caseId}"`));
    assert.match(open.text, /<option value="submitted"\s+selected>/);
  });

  it('ignores a value that makes no sense and says so on the queue page, not an error page', async () => {
    for (const query of ['?status=bogus', '?page=-1', '?page=abc', '?assignee=someone', '?page=1.5']) {
      const page = await queue(query).expect(200);
      assert.match(page.text, new RegExp(`data-case="${caseId}"`), query);
      assert.match(page.text, /id="filter-ignored"/, query);
      assert.match(page.text, /Seite 1 von 1/, query);
    }
    const rows = await request(app.getHttpServer() as import('node:http').Server)
      .get('/review/rows?status=&page=abc')
      .set('Cookie', dragana.cookie)
      .expect(200);
    assert.match(rows.text, new RegExp(`data-case="${caseId}"`));
  });

  it('shows the last page for a page beyond it', async () => {
    const page = await queue('?page=999').expect(200);
    assert.match(page.text, /Seite 1 von 1/);
    assert.match(page.text, new RegExp(`data-case="${caseId}"`));
    assert.match(page.text, /data-page="1"/);
  });

  it('takes empty filter values in the API as not set as well', async () => {
    const response = await request(app.getHttpServer() as import('node:http').Server)
      .get('/api/review/cases?status=&assignee=')
      .set('Cookie', dragana.cookie)
      .expect(200);
    assert.equal(response.body.total, 1);
  });

  it('parses the filter without throwing', () => {
    assert.deepEqual(queueFilterOf({ status: 'in_review', assignee: 'none', page: '3' }), {
      status: 'in_review',
      assignee: 'none',
      page: 3,
      ignored: [],
    });
    assert.deepEqual(queueFilterOf({ status: ['a', 'b'], page: '0' }), {
      page: 1,
      ignored: ['status', 'page'],
    });
  });
});
