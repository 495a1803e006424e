import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { startWorkspaceApp } from './workspace-app';
import { createUser, ensureTeam, signIn, SignedInUser } from './workspace-session';

describe('review workspace: unknown paths', () => {
  let app: INestApplication;
  let dataDir: string;
  let dragana: SignedInUser;

  before(async () => {
    ({ app, dataDir } = await startWorkspaceApp('not-found'));
    const altendorf = await ensureTeam(app, 'Essen-Altendorf');
    await createUser(app, 'dragana.petrovic@example.org', 'kuemmerer', altendorf, 'Dragana Petrović');
    dragana = await signIn(app, 'dragana.petrovic@example.org');
  });

  after(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const server = () => app.getHttpServer() as import('node:http').Server;

  it('answers an unknown workspace page with the workspace’s "Nicht gefunden" page, like an unknown case', async () => {
    const unknownCase = await request(server())
      .get('/review/cases/0a4c7a56-3b0e-4c34-9a5f-5d1c8e0f0003')
      .set('Cookie', dragana.cookie)
      .expect(404);
    for (const path of ['/review/nonexistent', '/review/cases/x/y/z', '/review/assets/nothing.js']) {
      const page = await request(server()).get(path).set('Cookie', dragana.cookie).expect(404);
      assert.match(String(page.headers['content-type']), /text\/html/, path);
      assert.match(page.text, /<h1>Nicht gefunden<\/h1>/, path);
      assert.match(page.text, /Diese Seite gibt es nicht\./, path);
      assert.match(String(page.headers['content-security-policy']), /script-src 'self'/, path);
      assert.match(unknownCase.text, /<h1>Nicht gefunden<\/h1>/);
    }
  });

  it('keeps JSON errors for unknown API paths', async () => {
    const api = await request(server())
      .get('/api/review/nonexistent')
      .set('Cookie', dragana.cookie)
      .expect(404);
    assert.match(String(api.headers['content-type']), /application\/json/);
    assert.equal(api.body.statusCode, 404);
    await request(server()).get('/nonexistent').expect(404).expect('Content-Type', /json/);
  });
});
