import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { AuditService } from '../../src/audit/audit.service';
import { CasesService } from '../../src/cases/cases.service';
import { CasesRepository } from '../../src/cases/cases.repository';
import { replayThroughBot } from '../support/bot-transcript-runner';
import { BotHarness } from '../support/bot-harness';
import { readTranscript, transcriptFiles } from '../transcripts/transcript-runner';
import { startWorkspaceApp } from './workspace-app';
import { createUser, ensureTeam, signIn, SignedInUser } from './workspace-session';

const kg1 = () => readTranscript(transcriptFiles().find((file) => file.endsWith('kg1-two-children.yaml'))!);

describe('review workspace: corrections after approval, sending and closing', () => {
  let app: INestApplication;
  let harness: BotHarness;
  let dataDir: string;
  let dragana: SignedInUser;
  let approvedCase: string;
  let sentCase: string;

  before(async () => {
    ({ app, dataDir, bot: harness } = await startWorkspaceApp('correction-after-approval'));
    const altendorf = await ensureTeam(app, 'Essen-Altendorf');
    await createUser(app, 'dragana.petrovic@example.org', 'kuemmerer', altendorf, 'Dragana Petrović');
    dragana = await signIn(app, 'dragana.petrovic@example.org');
    approvedCase = (await (await replayThroughBot(harness, kg1())).stored())!.caseId!;
    sentCase = (await (await replayThroughBot(harness, kg1())).stored())!.caseId!;
    await harness.settled();
    for (const caseId of [approvedCase, sentCase]) {
      await request(server())
        .post(`/api/review/cases/${caseId}/approve`)
        .set('Cookie', dragana.cookie)
        .set('X-CSRF-Token', dragana.csrfToken)
        .send({ attachments: 'Geburtsurkunde' })
        .expect(204);
    }
    await app.get(CasesService).changeStatus(sentCase, 'sent', `user:${dragana.id}`);
  });

  after(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const server = () => app.getHttpServer() as import('node:http').Server;
  const correct = (caseId: string, value: string) =>
    request(server())
      .post(`/review/cases/${caseId}/answers`)
      .set('Cookie', dragana.cookie)
      .type('form')
      .send({ path: 'applicant.phone', value, _csrf: dragana.csrfToken });

  it('warns in the form that a correction withdraws the approval', async () => {
    const page = await request(server())
      .get(`/review/cases/${approvedCase}`)
      .set('Cookie', dragana.cookie)
      .expect(200);
    assert.match(page.text, /Eine Änderung hebt die Freigabe auf/);
  });

  it('keeps the approval when the value saved is the one already there', async () => {
    const saved = await correct(approvedCase, '0151 23456789').expect(303);
    assert.equal(saved.headers.location, `/review/cases/${approvedCase}?msg=unchanged`);
    const repository = app.get(CasesRepository);
    assert.equal((await repository.getCase(approvedCase)).status, 'approved');
    assert.ok((await repository.findDocuments(approvedCase)).some((document) => document.mode === 'final'));
    const audit = await app.get(AuditService).findBySubject('case', approvedCase);
    assert.equal(audit.filter((event) => event.action === 'case.answer-corrected').length, 0);
  });

  it('withdraws the approval: final PDFs and cover sheet removed, back to "in review", audited', async () => {
    const repository = app.get(CasesRepository);
    const before = await repository.findDocuments(approvedCase);
    assert.ok(before.some((document) => document.mode === 'final' && document.kind === 'cover'));

    const saved = await correct(approvedCase, '0151 98765432').expect(303);
    assert.equal(saved.headers.location, `/review/cases/${approvedCase}?msg=saved-unapproved`);

    const documents = await repository.findDocuments(approvedCase);
    assert.deepEqual(
      documents.filter((document) => document.mode === 'final'),
      [],
    );
    assert.ok(documents.some((document) => document.mode === 'draft'));
    assert.equal((await repository.getCase(approvedCase)).status, 'in_review');

    const page = await request(server())
      .get(`/review/cases/${approvedCase}?msg=saved-unapproved`)
      .set('Cookie', dragana.cookie)
      .expect(200);
    assert.match(page.text, /Die Freigabe ist aufgehoben/);
    assert.doesNotMatch(page.text, /id="final-documents"/);
    assert.match(page.text, /<strong id="case-status">In Prüfung<\/strong>/);
    assert.match(page.text, /Freigeben \/ Approve/);

    const audit = await app.get(AuditService).findBySubject('case', approvedCase);
    const withdrawn = audit.find((event) => event.action === 'case.approval-withdrawn');
    assert.ok(withdrawn, 'case.approval-withdrawn is audited');
    assert.equal(withdrawn.actor, `user:${dragana.id}`);
    assert.equal(withdrawn.details?.finalDocumentsRemoved, before.filter((d) => d.mode === 'final').length);
  });

  it('refuses corrections on a sent or closed case with the reason, and offers no form there', async () => {
    const sent = await correct(sentCase, '0151 98765432').expect(409);
    assert.match(
      sent.text,
      /role="alert">Der Fall ist schon abgeschickt\. Die Angaben lassen sich nicht mehr ändern/,
    );
    assert.doesNotMatch(sent.text, new RegExp(`action="/review/cases/${sentCase}/answers"`));
    assert.match(sent.text, /id="answers-locked"/);

    await app.get(CasesService).changeStatus(sentCase, 'closed', `user:${dragana.id}`);
    const api = await request(server())
      .patch(`/api/review/cases/${sentCase}/answers`)
      .set('Cookie', dragana.cookie)
      .set('X-CSRF-Token', dragana.csrfToken)
      .send({ path: 'applicant.phone', value: '0151 98765432' })
      .expect(409);
    assert.equal(api.body.code, 'CASE_STATUS_INVALID');
    assert.match(api.body.reasons[0], /Der Fall ist abgeschlossen/);

    const repository = app.get(CasesRepository);
    const phone = (await repository.findCurrentAnswers(sentCase)).find(
      (answer) => answer.path === 'applicant.phone',
    );
    assert.equal(phone?.value, '015123456789');
    assert.equal((await repository.getCase(sentCase)).status, 'closed');
    assert.ok((await repository.findDocuments(sentCase)).some((document) => document.mode === 'final'));
  });
});
