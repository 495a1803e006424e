import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { ArgumentsHost, INestApplication } from '@nestjs/common';
import request from 'supertest';
import { CasesError } from '../../src/cases/cases.errors';
import { CasesService } from '../../src/cases/cases.service';
import { PageExceptionFilter } from '../../src/review/pages/page-exception.filter';
import { replayThroughBot } from '../support/bot-transcript-runner';
import { InMemoryConversationGateway } from '../support/in-memory-gateway';
import { BotHarness } from '../support/bot-harness';
import { readTranscript, transcriptFiles } from '../transcripts/transcript-runner';
import { startWorkspaceApp } from './workspace-app';
import { createUser, ensureTeam, signIn, SignedInUser } from './workspace-session';

const kg1 = () => readTranscript(transcriptFiles().find((file) => file.endsWith('kg1-two-children.yaml'))!);

describe('review workspace: what a case’s status allows, refused with a plain message', () => {
  const gateway = new InMemoryConversationGateway();
  let app: INestApplication;
  let harness: BotHarness;
  let dataDir: string;
  let dragana: SignedInUser;
  let closedCase: string;
  let familyId: string;

  before(async () => {
    ({ app, dataDir, bot: harness } = await startWorkspaceApp('status-guards', { gateway }));
    const altendorf = await ensureTeam(app, 'Essen-Altendorf');
    await createUser(app, 'dragana.petrovic@example.org', 'kuemmerer', altendorf, 'Dragana Petrović');
    dragana = await signIn(app, 'dragana.petrovic@example.org');
    const family = await replayThroughBot(harness, kg1());
    gateway.connect(family);
    familyId = family.id;
    closedCase = (await family.stored())!.caseId!;
    await harness.settled();
    await app.get(CasesService).changeStatus(closedCase, 'closed', `user:${dragana.id}`);
  });

  after(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const server = () => app.getHttpServer() as import('node:http').Server;

  it('offers no question to the family on a closed case', async () => {
    const page = await request(server())
      .get(`/review/cases/${closedCase}`)
      .set('Cookie', dragana.cookie)
      .expect(200);
    assert.doesNotMatch(page.text, new RegExp(`action="/review/cases/${closedCase}/ask-back"`));
    assert.match(page.text, /Eine Rückfrage an die Familie ist nicht mehr möglich/);
  });

  it('answers a question sent anyway with 409 and the reason on the case page, not an error page', async () => {
    const page = await request(server())
      .post(`/review/cases/${closedCase}/ask-back`)
      .set('Cookie', dragana.cookie)
      .type('form')
      .send({ text: 'Noch eine Frage?', _csrf: dragana.csrfToken })
      .expect(409);
    assert.match(String(page.headers['content-type']), /text\/html/);
    assert.match(page.text, /role="alert">Der Fall ist abgeschlossen\. Eine Rückfrage/);
    assert.match(page.text, /<h1>Ayşe Yılmaz<\/h1>/);
    assert.doesNotMatch(JSON.stringify(gateway.posted.get(familyId) ?? []), /Noch eine Frage/);

    const api = await request(server())
      .post(`/api/review/cases/${closedCase}/ask-back`)
      .set('Cookie', dragana.cookie)
      .set('X-CSRF-Token', dragana.csrfToken)
      .send({ text: 'Noch eine Frage?' })
      .expect(409);
    assert.equal(api.body.code, 'CASE_STATUS_INVALID');
    assert.match(api.body.reasons[0], /Der Fall ist abgeschlossen/);
  });

  it('answers a status change the case does not allow with 409 on the page', async () => {
    const page = await request(server())
      .post(`/review/cases/${closedCase}/status`)
      .set('Cookie', dragana.cookie)
      .type('form')
      .send({ status: 'in_review', _csrf: dragana.csrfToken })
      .expect(409);
    assert.match(page.text, /Dieser Statuswechsel ist hier nicht möglich/);
  });

  it('gives a domain refusal that reaches the page filter its HTTP status, never 500', () => {
    const sent: { status?: number; body?: string } = {};
    const response = {
      status(code: number) {
        sent.status = code;
        return this;
      },
      set() {
        return this;
      },
      type() {
        return this;
      },
      send(body: string) {
        sent.body = body;
        return this;
      },
    };
    const request = { method: 'POST', path: '/review/cases/x/status', headers: {} };
    const host = {
      switchToHttp: () => ({ getResponse: () => response, getRequest: () => request }),
    } as unknown as ArgumentsHost;
    new PageExceptionFilter().catch(new CasesError('CASE_STATUS_INVALID', 'Case x is closed.'), host);
    assert.equal(sent.status, 409);
    assert.match(sent.body!, /Nicht möglich/);
    new PageExceptionFilter().catch(new CasesError('CASE_NOT_FOUND', 'Case x does not exist.'), host);
    assert.equal(sent.status, 404);
    assert.match(sent.body!, /Nicht gefunden/);
  });
});
