import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { INestApplication } from '@nestjs/common';
import { PDFDocument, rgb } from '@cantoo/pdf-lib';
import sharp from 'sharp';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AuditService } from '../../src/audit/audit.service';
import { DocumentsService } from '../../src/documents/documents.service';
import { replayThroughBot } from '../support/bot-transcript-runner';
import { InMemoryConversationGateway } from '../support/in-memory-gateway';
import { readTranscript, transcriptFiles } from '../transcripts/transcript-runner';
import { BotHarness } from '../support/bot-harness';
import { startWorkspaceApp } from './workspace-app';
import { createUser, ensureTeam, signIn, SignedInUser } from './workspace-session';

const kg1 = () => readTranscript(transcriptFiles().find((file) => file.endsWith('kg1-two-children.yaml'))!);
const withoutCorrelation = (body: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(body).filter(([key]) => key !== 'correlationId'));

/** Collects a binary body (supertest buffers only text by default). */
function binary(
  response: NodeJS.ReadableStream,
  callback: (error: Error | null, body: Buffer) => void,
): void {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => callback(null, Buffer.concat(chunks)));
}

/** The value of the first hidden _csrf field of the form posting to `action`. */
function formToken(page: string, action: string): string {
  const form = page.slice(page.indexOf(`action="${action}"`));
  const match = /name="_csrf" class="csrf" value="([^"]+)"/.exec(form);
  assert.ok(match, `no server-rendered CSRF token in the form for ${action}`);
  return match[1];
}

describe('review workspace: forms without JavaScript, page images, letter regions', () => {
  const gateway = new InMemoryConversationGateway();
  let app: INestApplication;
  let harness: BotHarness;
  let dataDir: string;
  let dragana: SignedInUser;
  let mehmet: SignedInUser;
  let ownCase: string;

  before(async () => {
    ({ app, dataDir, bot: harness } = await startWorkspaceApp('previews', { gateway }));
    const altendorf = await ensureTeam(app, 'Essen-Altendorf');
    const katernberg = await ensureTeam(app, 'Essen-Katernberg');
    await createUser(app, 'dragana.petrovic@example.org', 'kuemmerer', altendorf, 'Dragana Petrović');
    await createUser(app, 'mehmet.yilmaz@example.org', 'kuemmerer', katernberg, 'Mehmet Yılmaz');
    dragana = await signIn(app, 'dragana.petrovic@example.org');
    mehmet = await signIn(app, 'mehmet.yilmaz@example.org');
    const family = await replayThroughBot(harness, kg1());
    gateway.connect(family);
    ownCase = (await family.stored())!.caseId!;
  });

  after(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const server = () => app.getHttpServer() as import('node:http').Server;
  const casePage = async () =>
    (await request(server()).get(`/review/cases/${ownCase}`).set('Cookie', dragana.cookie).expect(200)).text;

  it('renders the CSRF token into every form, so the forms work without JavaScript', async () => {
    const queue = (await request(server()).get('/review').set('Cookie', dragana.cookie).expect(200)).text;
    await request(server())
      .post(`/review/cases/${ownCase}/assign`)
      .set('Cookie', dragana.cookie)
      .type('form')
      .send({ assignee: 'me', _csrf: formToken(queue, `/review/cases/${ownCase}/assign`) })
      .expect(303);

    const page = await casePage();
    const forms = page.match(/<form method="post"/g) ?? [];
    const filled = page.match(/name="_csrf" class="csrf" value="[^"]+"/g) ?? [];
    assert.ok(forms.length >= 4);
    assert.equal(filled.length, forms.length, 'every form carries the token');

    await request(server())
      .post(`/review/cases/${ownCase}/notes`)
      .set('Cookie', dragana.cookie)
      .type('form')
      .send({ text: 'Geburtsurkunde liegt vor.', _csrf: formToken(page, `/review/cases/${ownCase}/notes`) })
      .expect(303)
      .expect('Location', `/review/cases/${ownCase}?msg=note`);
    await request(server())
      .post(`/review/cases/${ownCase}/answers`)
      .set('Cookie', dragana.cookie)
      .type('form')
      .send({
        path: 'bank.iban',
        value: 'DE02 1203 0000 0000 2020 51',
        _csrf: formToken(page, `/review/cases/${ownCase}/answers`),
      })
      .expect(303);
    const after = await casePage();
    assert.match(after, /Geburtsurkunde liegt vor\./);
    assert.match(after, /DE02120300000000202051/);
    assert.match(after, /Ich \/ me|Dragana Petrović/);
  });

  it('serves every page of a filled form as PNG with alt text, audited, and hides other teams’ documents', async () => {
    const page = await casePage();
    const image =
      /<img\s+src="(\/api\/review\/cases\/[^"]+\/documents\/([^/"]+)\/pages\/1)"\s+alt="(Seite 1 von (\d+) des Formulars [^"]+)"\s+width="(\d+)"\s+height="(\d+)"\s+loading="lazy"/.exec(
        page,
      );
    assert.ok(image, 'the case page lists page images, each with its size');
    const [, url, documentId, , count, width, height] = image;
    // A size keeps the layout still and lets the browser load only the pages in view.
    assert.equal(
      [
        ...page.matchAll(
          /<span class="page-pending" aria-hidden="true">Seite wird erstellt …<\/span>\s*<img/g,
        ),
      ].length,
      [...page.matchAll(/\/pages\/\d+"/g)].length,
      'every page image has its placeholder',
    );
    assert.match(page, /<iframe\s+src=/, 'the PDF viewer stays available');

    const png = await request(server())
      .get(url)
      .set('Cookie', dragana.cookie)
      .buffer(true)
      .parse(binary as never)
      .expect(200)
      .expect('Content-Type', 'image/png');
    const meta = await sharp(png.body as Buffer).metadata();
    assert.equal(meta.format, 'png');
    assert.deepEqual(
      [meta.width, meta.height],
      [Number(width), Number(height)],
      'the size the page gave the <img>',
    );
    assert.ok(meta.width! > 700 && meta.width! < 1100, `modest resolution, got ${meta.width}`);
    assert.match(decodeURIComponent(String(png.headers['x-alt-text'])), /^Seite 1 von \d+ des Formulars /);
    // The same page again comes from the cache and is the same image.
    const again = await request(server())
      .get(url)
      .set('Cookie', dragana.cookie)
      .buffer(true)
      .parse(binary as never);
    assert.ok((again.body as Buffer).equals(png.body as Buffer));

    const audited = await app.get(AuditService).findBySubject('case', ownCase);
    const reads = audited.filter((event) => event.action === 'case.document-page-viewed');
    assert.equal(reads.length, 2);
    assert.deepEqual(reads[0].details, { documentId, page: '1' });

    const foreign = await request(server()).get(url).set('Cookie', mehmet.cookie).expect(404);
    const beyond = await request(server())
      .get(url.replace(/\/1$/, `/${Number(count) + 1}`))
      .set('Cookie', dragana.cookie)
      .expect(404);
    const malformed = await request(server())
      .get(url.replace(/\/1$/, '/eins'))
      .set('Cookie', dragana.cookie)
      .expect(404);
    const unknownDocument = await request(server())
      .get(`/api/review/cases/${ownCase}/documents/0a4c7a56-3b0e-4c34-9a5f-5d1c8e0f00d1/pages/1`)
      .set('Cookie', dragana.cookie)
      .expect(404);
    for (const response of [beyond, malformed, unknownDocument]) {
      assert.deepEqual(withoutCorrelation(response.body), withoutCorrelation(foreign.body));
    }
    await request(server()).get(url).expect(401);
  });

  it('shows the marked region of a letter photo an answer came from, with the value as alt text', async () => {
    // A letter photo: white page, the IBAN line as a dark bar at x 300, y 250 (200 × 40 pixels).
    const photo = await sharp({
      create: { width: 1000, height: 800, channels: 3, background: '#ffffff' },
    })
      .composite([
        {
          input: await sharp({
            create: { width: 200, height: 40, channels: 3, background: '#202020' },
          })
            .png()
            .toBuffer(),
          left: 300,
          top: 250,
        },
      ])
      .png()
      .toBuffer();
    const upload = await storeLetter(photo, 'brief.png');
    await markFromLetter('bank.iban', upload, 1, '300,250,200,40');

    const page = await casePage();
    assert.match(page, /Stelle im Brief zeigen/);
    // The value as the page shows it: an IBAN in groups of four, as on a bank card and in the letter.
    assert.match(page, /alt="Ausschnitt aus dem Brief, Seite 1, markiert: „DE02 1203 0000 0000 2020 51“"/);
    const url = `/api/review/cases/${ownCase}/letter-region?path=bank.iban`;
    const region = await request(server())
      .get(url)
      .set('Cookie', dragana.cookie)
      .buffer(true)
      .parse(binary as never)
      .expect(200)
      .expect('Content-Type', 'image/png');
    const { data, info } = await sharp(region.body as Buffer)
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    // Padding: 100 pixels left and right (half the width), 120 above and below (three lines).
    assert.deepEqual([info.width, info.height], [400, 280]);
    const pixel = (x: number, y: number) => [
      ...data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3),
    ];
    assert.deepEqual(pixel(5, 5), [255, 255, 255], 'context around the box');
    const frame = pixel(97, 140);
    assert.ok(frame[0] > 150 && frame[0] - frame[1] > 60, `the box is framed, got ${frame.join(',')}`);
    assert.ok(pixel(200, 140)[0] < 100, 'the value itself stays readable');

    const audited = await app.get(AuditService).findBySubject('case', ownCase);
    assert.ok(audited.some((event) => event.action === 'case.letter-region-viewed'));
    const foreign = await request(server()).get(url).set('Cookie', mehmet.cookie).expect(404);
    const withoutLetter = await request(server())
      .get(`/api/review/cases/${ownCase}/letter-region?path=applicant.lastName`)
      .set('Cookie', dragana.cookie)
      .expect(404);
    assert.deepEqual(withoutCorrelation(withoutLetter.body), withoutCorrelation(foreign.body));
  });

  it('renders a PDF letter page through pdf.js and maps the box from points to pixels', async () => {
    const pdf = await PDFDocument.create();
    const sheet = pdf.addPage([595, 842]);
    // PDF y grows upwards: a bar at x 100, 200 points from the top, 150 × 20 points.
    sheet.drawRectangle({ x: 100, y: 842 - 200 - 20, width: 150, height: 20, color: rgb(0.1, 0.1, 0.1) });
    const upload = await storeLetter(Buffer.from(await pdf.save()), 'brief.pdf');
    await markFromLetter('bank.name', upload, 1, '100,200,150,20');
    const region = await request(server())
      .get(`/api/review/cases/${ownCase}/letter-region?path=bank.name`)
      .set('Cookie', dragana.cookie)
      .buffer(true)
      .parse(binary as never)
      .expect(200);
    const { data, info } = await sharp(region.body as Buffer)
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    // 150 dpi: the box is 312 × 42 pixels; the crop has the bar in its middle.
    const centre = (Math.floor(info.height / 2) * info.width + Math.floor(info.width / 2)) * 3;
    assert.ok(data[centre] < 100, 'the bar is in the middle of the crop');
    assert.ok(info.width > 312 && info.width <= 900);
  });

  async function storeLetter(bytes: Buffer, fileName: string): Promise<string> {
    const documents = app.get(DocumentsService);
    const key = `test:letter-${fileName}`;
    const upload = await documents.storeUpload({ conversationKey: key, fileName, bytes });
    await documents.attachToCase(key, ownCase);
    return upload.id;
  }

  /** Gives the current answer a letter provenance, as the letter flow does after the family confirmed it. */
  async function markFromLetter(questionId: string, documentId: string, page: number, box: string) {
    const result: unknown = await app.get(DataSource).query(
      `UPDATE case_answers SET source = 'letter', source_document_id = ?, source_page = ?, source_box = ?, source_confidence = 0.93
         WHERE case_id = ? AND question_id = ? AND superseded_at IS NULL`,
      [documentId, page, box, ownCase, questionId],
    );
    assert.ok(result !== undefined);
  }
});
