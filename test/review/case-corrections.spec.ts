import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { AuditService } from '../../src/audit/audit.service';
import { CasesRepository } from '../../src/cases/cases.repository';
import { replayThroughBot } from '../support/bot-transcript-runner';
import { BotHarness } from '../support/bot-harness';
import { readTranscript, transcriptFiles } from '../transcripts/transcript-runner';
import { startWorkspaceApp } from './workspace-app';
import { createUser, ensureTeam, formToken, signIn, SignedInUser } from './workspace-session';

const kg1 = () => readTranscript(transcriptFiles().find((file) => file.endsWith('kg1-two-children.yaml'))!);

/** The page with runs of white space as one space and none next to tags: what the patterns match. */
function squash(page: string): string {
  return page.replace(/\s+/g, ' ').replace(/ ?> ?/g, '>').replace(/ </g, '<');
}

/** The answers column of the case page (without the side column's dates of uploads and notes). */
function answersSection(page: string): string {
  const start = page.indexOf('<section aria-labelledby="answers-heading"');
  return squash(page.slice(start, page.indexOf('</section>', start)));
}

describe('review workspace: correcting answers on the case page', () => {
  let app: INestApplication;
  let harness: BotHarness;
  let dataDir: string;
  let dragana: SignedInUser;
  let caseId: string;

  before(async () => {
    ({ app, dataDir, bot: harness } = await startWorkspaceApp('case-corrections'));
    const altendorf = await ensureTeam(app, 'Essen-Altendorf');
    await createUser(app, 'dragana.petrovic@example.org', 'kuemmerer', altendorf, 'Dragana Petrović');
    dragana = await signIn(app, 'dragana.petrovic@example.org');
    caseId = (await (await replayThroughBot(harness, kg1())).stored())!.caseId!;
    await harness.settled();
  });

  after(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const server = () => app.getHttpServer() as import('node:http').Server;
  const casePage = () => request(server()).get(`/review/cases/${caseId}`).set('Cookie', dragana.cookie);
  const post = (path: string, value: string) =>
    request(server())
      .post(`/review/cases/${caseId}/answers`)
      .set('Cookie', dragana.cookie)
      .type('form')
      .send({ path, value, _csrf: dragana.csrfToken });
  const current = async (path: string) =>
    (await app.get(CasesRepository).findCurrentAnswers(caseId)).find((answer) => answer.path === path);
  const corrections = async () =>
    (await app.get(AuditService).findBySubject('case', caseId)).filter(
      (event) => event.action === 'case.answer-corrected',
    ).length;

  it('offers a choice as a list of its German labels that sends the code, and yes/no as two buttons', async () => {
    const page = squash((await casePage().expect(200)).text);
    const select = /<select id="v-applicant\.maritalStatus" name="value"[^>]*>([\s\S]*?)<\/select>/.exec(
      page,
    );
    assert.ok(select, 'a list for the marital status');
    assert.match(select[1], /<option value="ledig" selected>ledig \(nie verheiratet\)<\/option>/);
    assert.match(select[1], /<option value="verheiratet">verheiratet<\/option>/);
    assert.match(select[1], /<option value="lebenspartnerschaft">eingetragene Lebenspartnerschaft<\/option>/);
    assert.match(page, /<label for="v-applicant\.maritalStatus">Neuer Wert für Familienstand<\/label>/);
    // The form's CSRF token is the session's, as in every other form of the page.
    assert.equal(formToken(page, `/review/cases/${caseId}/answers`), dragana.csrfToken);

    const ownAccount =
      /<fieldset class="choices"><legend>Neuer Wert für Eigenes Konto<\/legend>([\s\S]*?)<\/fieldset>/.exec(
        page,
      );
    assert.ok(ownAccount, 'yes/no as a group of radio buttons');
    assert.match(ownAccount[1], /type="radio" name="value" value="ja" id="v-bank\.ownAccount" checked/);
    assert.match(ownAccount[1], /value="nein"/);
    assert.doesNotMatch(ownAccount[1], /keine Angabe/, 'a required yes/no cannot be emptied');
    assert.match(answersSection(page), /<span class="value">ledig \(nie verheiratet\)<\/span>/);
  });

  it('shows every date on the case page as TT.MM.JJJJ and starts the field with it', async () => {
    const answers = answersSection((await casePage().expect(200)).text);
    assert.doesNotMatch(answers, /\d{4}-\d{2}-\d{2}/, 'no ISO date among the answers');
    assert.match(answers, /<span class="value">14\.03\.1986<\/span>/);
    assert.match(answers, /id="v-applicant\.birthDate" name="value" value="14\.03\.1986"/);
    assert.match(answers, /Datum als TT\.MM\.JJJJ, zum Beispiel 03\.05\.2010/);
  });

  it('stores a German date typed without leading zeros and shows the old one in German too', async () => {
    await post('applicant.birthDate', '3.5.1986')
      .expect(303)
      .expect('Location', `/review/cases/${caseId}?msg=saved`);
    assert.equal((await current('applicant.birthDate'))?.value, '1986-05-03');
    const answers = answersSection((await casePage().expect(200)).text);
    assert.match(answers, /<span class="value">03\.05\.1986<\/span>/);
    assert.match(answers, /vorher: „14\.03\.1986“/);
  });

  it('stores the code of the picked option and shows its label', async () => {
    await post('applicant.sex', 'divers').expect(303);
    assert.equal((await current('applicant.sex'))?.value, 'divers');
    await post('applicant.sex', 'weiblich').expect(303);
  });

  it('shows a refused value by its field, named in a summary at the top, and keeps what was typed', async () => {
    const refused = { text: squash((await post('applicant.birthDate', '31.02.1986').expect(422)).text) };
    const summary = /<div class="error-summary" role="alert"[^>]*>([\s\S]*?)<\/div>/.exec(refused.text);
    assert.ok(summary, 'an error summary');
    assert.match(
      summary[1],
      /<a href="#v-applicant\.birthDate">Geburtsdatum: Diesen Tag gibt es nicht\. Bitte prüfen Sie das Datum\.<\/a>/,
    );
    assert.match(
      refused.text,
      /<details open>\s*<summary>\s*Ändern<span class="sr-only">– Geburtsdatum<\/span>[\s\S]*?<p class="field-error" id="e-applicant\.birthDate"><span class="sr-only">Fehler:<\/span>Diesen Tag gibt es nicht\./,
    );
    assert.match(
      refused.text,
      /id="v-applicant\.birthDate" name="value" value="31\.02\.1986" autocomplete="off" aria-invalid="true" aria-describedby="e-applicant\.birthDate h-applicant\.birthDate"/,
    );
    assert.equal((await current('applicant.birthDate'))?.value, '1986-05-03', 'nothing stored');

    // A value that is not an option (sent by hand: the list offers none) is refused the same way.
    const notAnOption = {
      text: squash((await post('applicant.maritalStatus', 'maennlich').expect(422)).text),
    };
    assert.match(
      notAnOption.text,
      /<a href="#v-applicant\.maritalStatus">Familienstand: Das ist keine der Möglichkeiten\. Bitte wählen Sie eine aus: ledig \(nie verheiratet\), verheiratet,/,
    );
    assert.match(
      notAnOption.text,
      /<select id="v-applicant\.maritalStatus" name="value" aria-invalid="true"/,
    );
    assert.match(notAnOption.text, /<option value="" selected>Bitte wählen …<\/option>/);
    assert.equal((await current('applicant.maritalStatus'))?.value, 'ledig');
  });

  it('names the child in the summary when a child’s answer is refused', async () => {
    const refused = {
      text: squash((await post('children[1].children.birthDate', '2030-01-01').expect(422)).text),
    };
    assert.match(
      refused.text,
      /<a href="#v-children\[1\]\.children\.birthDate">Geburtsdatum \(Kind 2: Can Yılmaz\): Das Datum liegt in der Zukunft\./,
    );
  });

  it('does not count saving the value that is already there as a correction', async () => {
    const before = await current('applicant.maritalStatus');
    const audited = await corrections();
    await post('applicant.maritalStatus', 'ledig')
      .expect(303)
      .expect('Location', `/review/cases/${caseId}?msg=unchanged`);
    // The same date typed another way is the same value.
    await post('applicant.birthDate', '03.05.1986')
      .expect(303)
      .expect('Location', `/review/cases/${caseId}?msg=unchanged`);
    const after = await current('applicant.maritalStatus');
    assert.equal(after?.id, before?.id, 'no new answer row');
    assert.equal(after?.source, 'family', 'the provenance stays the family’s');
    assert.equal(await corrections(), audited, 'no audit entry');
    const page = (
      await request(server())
        .get(`/review/cases/${caseId}?msg=unchanged`)
        .set('Cookie', dragana.cookie)
        .expect(200)
    ).text;
    assert.match(page, /<p class="ok" role="status">Nichts geändert: Der Wert ist derselbe wie vorher\./);

    const api = await request(server())
      .patch(`/api/review/cases/${caseId}/answers`)
      .set('Cookie', dragana.cookie)
      .set('X-CSRF-Token', dragana.csrfToken)
      .send({ path: 'applicant.maritalStatus', value: 'ledig' })
      .expect(200);
    assert.equal(api.body.changed, false);
    assert.equal(await corrections(), audited);
  });
});
