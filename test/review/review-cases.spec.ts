import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { DocumentsService } from '../../src/documents/documents.service';
import { TestConversation } from '../support/bot-harness';
import { InMemoryConversationGateway } from '../support/in-memory-gateway';
import { transcriptNamed } from '../transcripts/transcript-runner';
import { replayThroughBot } from '../support/bot-transcript-runner';
import { BotHarness } from '../support/bot-harness';
import { startWorkspaceApp } from './workspace-app';
import { createUser, ensureTeam, signIn, SignedInUser } from './workspace-session';

const twoChildren = () => transcriptNamed('kg1-two-children.yaml');
const withoutCorrelation = (body: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(body).filter(([key]) => key !== 'correlationId'));

describe('review workspace: queue and case routes', () => {
  const gateway = new InMemoryConversationGateway();
  let app: INestApplication;
  let harness: BotHarness;
  let dataDir: string;
  let dragana: SignedInUser;
  let mehmet: SignedInUser;
  let admin: SignedInUser;
  let ownCase: string;
  let otherCase: string;
  let family: TestConversation;

  before(async () => {
    ({ app, dataDir, bot: harness } = await startWorkspaceApp('review', { gateway }));
    const altendorf = await ensureTeam(app, 'Essen-Altendorf');
    const katernberg = await ensureTeam(app, 'Essen-Katernberg');
    await createUser(app, 'dragana.petrovic@example.org', 'kuemmerer', altendorf, 'Dragana Petrović');
    await createUser(app, 'mehmet.yilmaz@example.org', 'kuemmerer', katernberg, 'Mehmet Yılmaz');
    await createUser(app, 'ayse.yilmaz@example.org', 'admin', null, 'Ayşe Yılmaz');
    dragana = await signIn(app, 'dragana.petrovic@example.org');
    mehmet = await signIn(app, 'mehmet.yilmaz@example.org');
    admin = await signIn(app, 'ayse.yilmaz@example.org');

    family = await replayThroughBot(harness, twoChildren());
    gateway.connect(family);
    ownCase = (await family.stored())!.caseId!;
    otherCase = (await (await replayThroughBot(harness, twoChildren())).stored())!.caseId!;
    await app.get(DataSource).query('UPDATE cases SET team_id = ? WHERE id = ?', [katernberg, otherCase]);
  });

  after(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const server = () => app.getHttpServer() as import('node:http').Server;

  it('gives a chat case the DEFAULT_TEAM and shows it in that team’s queue only', async () => {
    const own = await request(server()).get('/api/review/cases').set('Cookie', dragana.cookie).expect(200);
    assert.deepEqual(
      own.body.items.map((item: { id: string }) => item.id),
      [ownCase],
    );
    assert.equal(own.body.items[0].familyName, 'Ayşe Yılmaz');
    const other = await request(server()).get('/api/review/cases').set('Cookie', mehmet.cookie).expect(200);
    assert.deepEqual(
      other.body.items.map((item: { id: string }) => item.id),
      [otherCase],
    );
    const all = await request(server()).get('/api/review/cases').set('Cookie', admin.cookie).expect(200);
    assert.equal(all.body.total, 2);
  });

  it('asks for a session and hides other teams’ cases and documents behind the same 404', async () => {
    await request(server()).get('/api/review/cases').expect(401);
    await request(server()).get(`/api/review/cases/${ownCase}`).expect(401);
    const foreign = await request(server())
      .get(`/api/review/cases/${otherCase}`)
      .set('Cookie', dragana.cookie)
      .expect(404);
    const unknown = await request(server())
      .get('/api/review/cases/0a4c7a56-3b0e-4c34-9a5f-5d1c8e0f0003')
      .set('Cookie', dragana.cookie)
      .expect(404);
    const foreignDocument = await request(server())
      .get(`/api/review/cases/${ownCase}/documents/0a4c7a56-3b0e-4c34-9a5f-5d1c8e0f00d1`)
      .set('Cookie', dragana.cookie)
      .expect(404);
    assert.deepEqual(withoutCorrelation(foreign.body), withoutCorrelation(unknown.body));
    assert.deepEqual(withoutCorrelation(foreignDocument.body), withoutCorrelation(unknown.body));
    await request(server()).get(`/review/cases/${otherCase}`).set('Cookie', dragana.cookie).expect(404);
    await request(server()).get('/review').expect(303).expect('Location', '/review/login?next=%2Freview');
  });

  it('refuses changes without the CSRF token', async () => {
    await request(server())
      .post(`/api/review/cases/${ownCase}/notes`)
      .set('Cookie', dragana.cookie)
      .send({ text: 'Notiz' })
      .expect(403);
    await request(server())
      .post(`/review/cases/${ownCase}/notes`)
      .set('Cookie', dragana.cookie)
      .type('form')
      .send({ text: 'Notiz' })
      .expect(403);
  });

  it('checks a correction with the chat’s rules and records the previous value', async () => {
    const refused = await request(server())
      .patch(`/api/review/cases/${ownCase}/answers`)
      .set('Cookie', dragana.cookie)
      .set('X-CSRF-Token', dragana.csrfToken)
      .send({ path: 'bank.iban', value: 'DE00 1234' })
      .expect(422);
    assert.equal(refused.body.code, 'CASE_ANSWER_INVALID');
    const saved = await request(server())
      .patch(`/api/review/cases/${ownCase}/answers`)
      .set('Cookie', dragana.cookie)
      .set('X-CSRF-Token', dragana.csrfToken)
      .send({ path: 'bank.iban', value: 'DE02 1203 0000 0000 2020 51' })
      .expect(200);
    assert.equal(saved.body.value, 'DE02120300000000202051');
    const view = await request(server())
      .get(`/api/review/cases/${ownCase}`)
      .set('Cookie', dragana.cookie)
      .expect(200);
    const iban = view.body.forms
      .flatMap((form: { sections: Array<{ answers: unknown[] }> }) =>
        form.sections.flatMap((section) => section.answers),
      )
      .find((answer: { path: string }) => answer.path === 'bank.iban');
    assert.equal(iban.source, 'kuemmerer');
    assert.notEqual(iban.previous, null);
  });

  it('shows an uploaded letter with its analysis and the explanation the family got, and a PDF preview', async () => {
    const documents = app.get(DocumentsService);
    const onePixelPng = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    );
    const upload = await documents.storeUpload({
      conversationKey: 'test:letter-upload',
      fileName: 'brief.png',
      bytes: onePixelPng,
    });
    await documents.attachToCase('test:letter-upload', ownCase);
    await documents.saveAnalysis(upload.id, {
      analysis: {
        authority: 'familienkasse',
        letterType: 'mitwirkung',
        letterDate: '2025-11-03',
        deadline: { date: '2025-12-15' },
        validUntil: null,
        appointment: null,
        references: {},
        iban: null,
        amounts: [],
        recipient: null,
        requestedDocuments: ['Geburtsurkunde'],
        evidence: {},
      } as never,
      explanation: 'Die Familienkasse möchte die Geburtsurkunde von Can bis zum 15.12.2025.',
      locale: 'de',
    });
    const page = await request(server())
      .get(`/review/cases/${ownCase}`)
      .set('Cookie', dragana.cookie)
      .expect(200);
    assert.match(page.text, /<dd>Familienkasse<\/dd>/);
    assert.match(page.text, /15\.12\.2025/);
    assert.match(page.text, /Die Familienkasse möchte die Geburtsurkunde von Can/);
    assert.match(
      page.text,
      /<iframe\s+src="\/api\/review\/cases\/[^"]+\/documents\/[^"]+\?inline=1"\s+title="Vorschau: /,
    );
  });

  it('asks the family back in their conversation and approves with final PDFs and a cover sheet', async () => {
    await request(server())
      .post(`/api/review/cases/${ownCase}/ask-back`)
      .set('Cookie', dragana.cookie)
      .set('X-CSRF-Token', dragana.csrfToken)
      .send({ text: 'Bitte schicken Sie die Geburtsurkunde von Can.' })
      .expect(201);
    assert.match(JSON.stringify(gateway.posted.get(family.id)), /Geburtsurkunde von Can/);
    await family.say('Mache ich morgen.');
    const page = await request(server())
      .get(`/review/cases/${ownCase}`)
      .set('Cookie', dragana.cookie)
      .expect(200);
    assert.match(page.text, /Mache ich morgen\./);
    assert.match(String(page.headers['content-security-policy']), /script-src 'self'/);
    await request(server())
      .post(`/api/review/cases/${ownCase}/approve`)
      .set('Cookie', dragana.cookie)
      .set('X-CSRF-Token', dragana.csrfToken)
      .send({ attachments: 'Kopie der Geburtsurkunde' })
      .expect(204);
    const view = await request(server())
      .get(`/api/review/cases/${ownCase}`)
      .set('Cookie', dragana.cookie)
      .expect(200);
    assert.equal(view.body.summary.status, 'approved');
    const finals = view.body.documents.filter((document: { mode: string }) => document.mode === 'final');
    assert.ok(finals.some((document: { kind: string }) => document.kind === 'cover'));
    const pdf = await request(server())
      .get(`/api/review/cases/${ownCase}/documents/${finals[0].id}`)
      .set('Cookie', dragana.cookie)
      .buffer(true)
      .parse((response, callback) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => callback(null, Buffer.concat(chunks)));
      })
      .expect(200);
    assert.equal((pdf.body as Buffer).subarray(0, 5).toString(), '%PDF-');
  });
});
