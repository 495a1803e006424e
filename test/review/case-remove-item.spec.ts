import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { AuditService } from '../../src/audit/audit.service';
import { CaseDraftsService } from '../../src/cases/case-drafts.service';
import { CaseIntakeService } from '../../src/cases/case-intake.service';
import { CasesRepository } from '../../src/cases/cases.repository';
import { projectPath } from '../../src/channels/web/project-path.util';
import { Answers } from '../../src/forms/definition/answers.types';
import { InterviewState } from '../../src/interview/interview-state.types';
import { startWorkspaceApp } from './workspace-app';
import { createUser, ensureTeam, formToken, signIn, SignedInUser } from './workspace-session';

/** The page with runs of white space as one space and none next to tags: what the patterns match. */
function squash(page: string): string {
  return page.replace(/\s+/g, ' ').replace(/ ?> ?/g, '>').replace(/ </g, '<');
}

describe('review workspace: removing a child on the case page', () => {
  let app: INestApplication;
  let dataDir: string;
  let dragana: SignedInUser;
  let threeChildren: string;
  let oneChild: string;

  async function submit(key: string, firstNames: string[]): Promise<string> {
    const answers = JSON.parse(
      readFileSync(join(projectPath('forms'), 'examples', 'kindergeld-yilmaz.json'), 'utf8'),
    ) as Answers & { children: Array<Record<string, unknown>> };
    answers.children = firstNames.map((firstName) => ({
      ...answers.children[0],
      'children.firstName': firstName,
    }));
    const state = {
      applicationId: 'kindergeld',
      answers,
      provenance: {},
      unknown: [],
    } as unknown as InterviewState;
    return app
      .get(CaseIntakeService)
      .createFromInterview(state, { key, reference: {}, team: 'Essen-Altendorf' });
  }

  before(async () => {
    ({ app, dataDir } = await startWorkspaceApp('case-remove-item'));
    const altendorf = await ensureTeam(app, 'Essen-Altendorf');
    await createUser(app, 'dragana.petrovic@example.org', 'kuemmerer', altendorf, 'Dragana Petrović');
    dragana = await signIn(app, 'dragana.petrovic@example.org');
    threeChildren = await submit('test:three', ['Zeynep', 'Lena', 'Mia']);
    oneChild = await submit('test:one', ['Zeynep']);
    await app.get(CaseDraftsService).whenIdle();
  });

  after(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const server = () => app.getHttpServer() as import('node:http').Server;
  const get = (path: string) => request(server()).get(path).set('Cookie', dragana.cookie);
  const remove = (caseId: string, fields: Record<string, string>) =>
    request(server())
      .post(`/review/cases/${caseId}/items/remove`)
      .set('Cookie', dragana.cookie)
      .type('form')
      .send(fields);
  const current = async (caseId: string) =>
    new Map(
      (await app.get(CasesRepository).findCurrentAnswers(caseId)).map((answer) => [
        answer.path,
        answer.value,
      ]),
    );

  it('offers "Kind 2 entfernen" by each child, and asks first, naming what goes', async () => {
    const page = squash((await get(`/review/cases/${threeChildren}`).expect(200)).text);
    assert.match(
      page,
      /<h4>Kind 2: Lena Yılmaz – [^<]+<\/h4><ul class="remove-items"><li><a class="remove-item" href="\/review\/cases\/[^/]+\/items\/children\/2\/remove">Kind 2 entfernen<span class="sr-only">– Kind 2: Lena Yılmaz<\/span><\/a>/,
    );
    // The children the family already gets Kindergeld for, listed under KG 1, each too.
    assert.match(page, /href="\/review\/cases\/[^/]+\/items\/receivingChildren\/6\/remove">Kind 6 entfernen/);

    const confirm = squash(
      (await get(`/review/cases/${threeChildren}/items/children/2/remove`).expect(200)).text,
    );
    assert.match(confirm, /<h1>Kind 2: Lena Yılmaz entfernen\?<\/h1>/);
    assert.match(confirm, /<dt>Vorname<\/dt><dd>Lena<\/dd>/);
    assert.match(confirm, /<li>Kind 3: Mia Yılmaz heißt danach Kind 2\.<\/li>/);
    assert.match(confirm, /Nichts wird gelöscht: Die Angaben bleiben im Verlauf des Falls gespeichert\./);
    assert.match(
      confirm,
      /<input type="hidden" name="group" value="children" \/><input type="hidden" name="item" value="2" \/>/,
    );
    assert.match(confirm, /<button type="submit">Ja, Kind 2 entfernen<\/button>/);
    assert.equal(formToken(confirm, `/review/cases/${threeChildren}/items/remove`), dragana.csrfToken);
    // Looking is no change.
    assert.equal((await current(threeChildren)).get('children'), 3);
  });

  it('removes nothing without the form’s CSRF token', async () => {
    await remove(threeChildren, { group: 'children', item: '2' }).expect(403);
    await remove(threeChildren, { group: 'children', item: '2', _csrf: 'not-the-token' }).expect(403);
    assert.equal((await current(threeChildren)).get('children'), 3);
  });

  it('removes the child on confirmation: Kind 3 becomes Kind 2, forms made again, audited', async () => {
    const response = await remove(threeChildren, {
      group: 'children',
      item: '2',
      _csrf: dragana.csrfToken,
    }).expect(303);
    assert.equal(response.headers.location, `/review/cases/${threeChildren}?msg=item-removed`);
    const answers = await current(threeChildren);
    assert.equal(answers.get('children'), 2);
    assert.equal(answers.get('children[1].children.firstName'), 'Mia');

    const page = squash((await get(response.headers.location).expect(200)).text);
    assert.match(page, /<p class="ok" role="status">Entfernt\. Die Formulare wurden neu erstellt\./);
    assert.match(page, /<h4>Kind 2: Mia Yılmaz – /);
    assert.doesNotMatch(page, /Kind 3: Mia/);
    assert.doesNotMatch(page, /Lena/);
    const actions = (await app.get(AuditService).findBySubject('case', threeChildren)).map(
      (event) => event.action,
    );
    assert.ok(actions.includes('case.item-removed'), actions.join(', '));

    // The page of an item that is gone now (another tab) leads back to the case.
    const gone = await get(`/review/cases/${threeChildren}/items/children/3/remove`).expect(303);
    assert.equal(gone.headers.location, `/review/cases/${threeChildren}?msg=item-gone`);
  });

  it('says why the only child cannot be removed, instead of the button, and refuses the POST', async () => {
    const confirm = squash((await get(`/review/cases/${oneChild}/items/children/1/remove`).expect(200)).text);
    assert.match(
      confirm,
      /<p class="error" role="alert" id="remove-refused">Ein Antrag auf Kindergeld braucht mindestens ein Kind\./,
    );
    assert.doesNotMatch(confirm, /items\/remove/);

    const refused = squash(
      (await remove(oneChild, { group: 'children', item: '1', _csrf: dragana.csrfToken }).expect(422)).text,
    );
    assert.match(
      refused,
      /<p class="error" role="alert">Ein Antrag auf Kindergeld braucht mindestens ein Kind\./,
    );
    assert.equal((await current(oneChild)).get('children'), 1);
  });
});
