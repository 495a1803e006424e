import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Browser, chromium, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { UserSession } from '../../src/accounts/entities/user-session.entity';
import { AppModule } from '../../src/app.module';
import { BOT_CLOCK } from '../../src/bot/bot-clock';
import { configureApp } from '../../src/app.factory';
import { loadConfig } from '../../src/config/app-config';
import { testSecret, testTokenSecret } from '../channels/channel-test-app';
import { CaseLettersService } from '../../src/review/cases/case-letters.service';
import { TEMPLATES } from '../corpus/letter-templates';
import { renderLetterPdf } from '../corpus/render-letter-pdf';
import { SeededRandom } from '../corpus/seeded-random';
import { readWithPdfJs } from '../pdf/pdfjs-read.util';
import { TestClock } from '../support/bot-harness';
import { officialFormsDir, skipWithoutOfficialForms } from '../support/official-forms';
import { readTranscript, transcriptFiles } from '../transcripts/transcript-runner';
import { DirectLineFamily } from './family-directline';
import { createUser, ensureTeam, testPassword } from './workspace-session';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const artifactsDir = join(process.env.ARTIFACTS_DIR ?? 'artifacts', 'review');
// With the genuine templates the final PDFs are the official forms, flattened; without them the
// filler's answer summary. Either way the values must be readable text.
const genuine = skipWithoutOfficialForms === false;
const transcript = readTranscript(transcriptFiles().find((file) => file.endsWith('kg1-two-children.yaml'))!);
const correctedIban = 'DE02 1203 0000 0000 2020 51';

interface AxeResult {
  violations: Array<{ id: string; impact: string | null; help: string; nodes: unknown[] }>;
}

/** axe-core through the DevTools protocol (the page's CSP rightly refuses injected script tags). */
async function assertAccessible(page: Page, name: string): Promise<void> {
  await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const axe = await page.evaluate<AxeResult>('axe.run(document)');
  writeFileSync(join(artifactsDir, `${name}-axe.json`), JSON.stringify(axe.violations, null, 2));
  const severe = axe.violations.filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
  assert.deepEqual(
    severe.map((violation) => `${violation.id}: ${violation.help}`),
    [],
    `${name}: no serious or critical accessibility violation`,
  );
  await page.screenshot({ path: join(artifactsDir, `${name}.png`), fullPage: true });
}

describe(
  'Kümmerer workspace in Debian Chromium with a family on Direct Line',
  { skip: existsSync(chromiumPath) ? false : `no Chromium at ${chromiumPath} (apt-get install -y chromium)` },
  () => {
    let app: INestApplication;
    let dataDir: string;
    let baseUrl: string;
    let browser: Browser;
    const problems: string[] = [];

    before(async () => {
      mkdirSync(artifactsDir, { recursive: true });
      dataDir = mkdtempSync(join(tmpdir(), 'antragslotse-workspace-browser-'));
      const config = loadConfig({
        NODE_ENV: 'test',
        DATA_DIR: dataDir,
        LOG_LEVEL: 'error',
        BOT: 'antragslotse',
        DIRECTLINE_SECRET: testSecret,
        DIRECTLINE_TOKEN_SECRET: testTokenSecret,
        FORMS_TEMPLATE_DIR: genuine ? officialFormsDir : join(dataDir, 'no-templates'),
      });
      const clock = new TestClock();
      clock.setToday(transcript.today);
      const moduleRef = await Test.createTestingModule({ imports: [AppModule.register(config)] })
        .overrideProvider(BOT_CLOCK)
        .useValue(clock)
        .compile();
      app = moduleRef.createNestApplication({ logger: false });
      configureApp(app, config);
      await app.listen(0, '127.0.0.1');
      baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
      const altendorf = await ensureTeam(app, 'Essen-Altendorf');
      await ensureTeam(app, 'Essen-Katernberg');
      await createUser(app, 'dragana.petrovic@example.org', 'kuemmerer', altendorf, 'Dragana Petrović');
      await createUser(app, 'ayse.yilmaz@example.org', 'admin', null, 'Ayşe Yılmaz');
      browser = await chromium.launch({
        executablePath: chromiumPath,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
      });
    });

    after(async () => {
      await browser?.close();
      await app?.close();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('signs in with JavaScript switched off (a plain form POST)', async () => {
      const context = await browser.newContext({ locale: 'de-DE', javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(`${baseUrl}/review/login`);
      await page.getByLabel('E-Mail').fill('dragana.petrovic@example.org');
      await page.getByLabel('Passwort / Password').fill('falsch-falsch-falsch');
      await page.getByRole('button', { name: 'Anmelden / Sign in' }).click();
      await page.getByRole('alert').filter({ hasText: 'Anmeldung fehlgeschlagen' }).waitFor();
      await page.getByLabel('Passwort / Password').fill(testPassword);
      await page.getByRole('button', { name: 'Anmelden / Sign in' }).click();
      await page.waitForURL(`${baseUrl}/review`);
      await page.locator('h1', { hasText: 'Fälle' }).waitFor();
      await context.close();
    });

    it('signs in, sees a new Direct Line case live, corrects, asks back, reads the reply, approves and downloads', async () => {
      const context = await browser.newContext({
        locale: 'de-DE',
        viewport: { width: 1280, height: 900 },
        acceptDownloads: true,
      });
      const page = await context.newPage();
      page.on('pageerror', (error) => problems.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') {
          problems.push(`${message.text()} ${message.location().url}`);
        }
      });

      // Sign in.
      await page.goto(`${baseUrl}/review/login`);
      assert.equal(await page.locator('html').getAttribute('lang'), 'de');
      await assertAccessible(page, 'login');
      await page.getByLabel('E-Mail').fill('dragana.petrovic@example.org');
      await page.getByLabel('Passwort / Password').fill(testPassword);
      await page.getByRole('button', { name: 'Anmelden / Sign in' }).click();
      await page.waitForURL(`${baseUrl}/review`);
      await page.locator('#queue').waitFor();
      assert.equal(await page.locator('#queue tbody tr').count(), 0, 'the queue starts empty');

      // The family chats on the team's page; the queue shows the case without a reload.
      const family = await DirectLineFamily.start(`${baseUrl}/v3/directline`, testSecret, 'dl_ayse_yilmaz');
      try {
        await family.play(transcript, { team: 'essen-altendorf' });
        const row = page.locator('#queue tbody tr', { hasText: 'Ayşe Yılmaz' });
        await row.waitFor({ timeout: 10000 });
        assert.match((await page.locator('#live').textContent()) ?? '', /aktualisiert/);
        await assertAccessible(page, 'queue');

        // Take the case and open it.
        await row.getByRole('button', { name: /Mir zuweisen/ }).click();
        await page.waitForURL(`${baseUrl}/review`);
        await page
          .locator('#queue tbody tr', { hasText: 'Ayşe Yılmaz' })
          .getByRole('link', { name: 'Ayşe Yılmaz' })
          .click();
        await page.locator('h1', { hasText: 'Ayşe Yılmaz' }).waitFor();
        await assertAccessible(page, 'case');

        // Correct the IBAN: validated like the chat, drafts regenerated.
        await page.locator('summary', { hasText: 'Ändern – IBAN' }).first().click();
        await page.getByLabel('Neuer Wert für IBAN').first().fill(correctedIban);
        await page.getByRole('button', { name: 'Speichern / Save' }).first().click();
        await page.getByText('Gespeichert. Die Formulare wurden neu erstellt.').waitFor();
        assert.match(
          (await page.locator('.answer', { hasText: 'IBAN' }).first().textContent()) ?? '',
          /DE02 1203 0000 0000 2020 51/,
        );

        // Saving the same value again is no correction.
        await page.locator('summary', { hasText: 'Ändern – IBAN' }).first().click();
        await page.getByRole('button', { name: 'Speichern / Save' }).first().click();
        await page.getByText('Nichts geändert').waitFor();

        // A date that does not exist: the reason by the field, named at the top, the value kept.
        await page.locator('summary', { hasText: 'Ändern – Geburtsdatum' }).first().click();
        const birthDate = page.getByLabel('Neuer Wert für Geburtsdatum').first();
        assert.equal(await birthDate.inputValue(), '14.03.1986', 'the date in German');
        await birthDate.fill('31.02.1986');
        await page
          .locator('form', { has: birthDate })
          .getByRole('button', { name: 'Speichern / Save' })
          .click();
        const summaryLink = page.locator('.error-summary a', {
          hasText: 'Geburtsdatum: Diesen Tag gibt es nicht.',
        });
        await summaryLink.waitFor();
        assert.equal(await page.getByLabel('Neuer Wert für Geburtsdatum').first().inputValue(), '31.02.1986');
        await assertAccessible(page, 'case-refused');
        await summaryLink.click();
        assert.equal(
          await page.evaluate<string>('document.activeElement ? document.activeElement.id : ""'),
          'v-applicant.birthDate',
          'the summary leads to the field',
        );

        // "verheiratet" picked from the list: the partner's questions are listed with fields.
        await page.goto(page.url().replace(/\/answers$/, ''));
        await page.locator('summary', { hasText: 'Ändern – Familienstand' }).first().click();
        const maritalStatus = page.getByLabel('Neuer Wert für Familienstand');
        await maritalStatus.selectOption({ label: 'verheiratet' });
        await page
          .locator('form', { has: maritalStatus })
          .getByRole('button', { name: 'Speichern / Save' })
          .click();
        await page.locator('#missing-heading', { hasText: 'Fehlende Angaben' }).waitFor();
        await page
          .getByLabel('Wie ist der Familienname von Ihrem Partner oder Ihrer Partnerin?')
          .fill('Demir');
        await page.getByRole('button', { name: 'Speichern – Familienname' }).click();
        await page.getByText('Gespeichert.').first().waitFor();
        assert.equal(
          await page.getByLabel('Wie ist der Familienname von Ihrem Partner oder Ihrer Partnerin?').count(),
          0,
        );
        await assertAccessible(page, 'case-missing');
        await page.getByRole('link', { name: 'fragen Sie die Familie' }).click();
        assert.match(await page.locator('#ask-text').inputValue(), /Wie ist der Vorname von Ihrem Partner/);
        // Back to "ledig": nothing is missing any more, and the case can be approved below.
        await page.locator('summary', { hasText: 'Ändern – Familienstand' }).first().click();
        await page
          .getByLabel('Neuer Wert für Familienstand')
          .selectOption({ label: 'ledig (nie verheiratet)' });
        await page
          .locator('form', { has: page.getByLabel('Neuer Wert für Familienstand') })
          .getByRole('button', { name: 'Speichern / Save' })
          .click();
        await page.getByText('Gespeichert. Die Formulare wurden neu erstellt.').waitFor();
        assert.equal(await page.locator('#missing-answers').count(), 0);

        // Ask back; the question arrives in the family's Direct Line conversation.
        const since = family.received.length;
        await page
          .getByLabel(/Rückfrage an die Familie/)
          .fill('Bitte schicken Sie die Geburtsurkunde von Can.');
        await page.getByRole('button', { name: 'Rückfrage senden' }).click();
        await page.getByText('Rückfrage gesendet.').waitFor();
        await family.waitForBot(since, ['Geburtsurkunde von Can'], 'the question back');

        // The family answers in the chat; the case shows the reply.
        await family.send({ text: 'Die Geburtsurkunde schicke ich morgen.' }, { team: 'essen-altendorf' });
        let replied = false;
        for (let attempt = 0; attempt < 50 && !replied; attempt++) {
          await page.reload();
          replied =
            (await page.locator('#notes').textContent())?.includes(
              'Die Geburtsurkunde schicke ich morgen.',
            ) ?? false;
          if (!replied) {
            await page.waitForTimeout(200);
          }
        }
        assert.ok(replied, 'the family’s reply is shown in the case');
        await page.screenshot({ path: join(artifactsDir, 'case-reply.png'), fullPage: true });

        // Approve and download the final KG 1.
        await page.getByLabel(/Beizulegende Unterlagen/).fill('Kopie der Geburtsurkunde von Can');
        await page.getByRole('button', { name: 'Freigeben / Approve' }).click();
        await page.getByText('Freigegeben.').first().waitFor();
        assert.match((await page.locator('#case-status').textContent()) ?? '', /Freigegeben/);
        const finalLink = page.locator('#final-documents a[download]').filter({ hasText: /herunterladen/ });
        const kg1Index = await finalLink.evaluateAll((links) =>
          links.findIndex((link) =>
            /Antrag auf Kindergeld|KG 1/i.test((link as { textContent: string | null }).textContent ?? ''),
          ),
        );
        assert.ok(kg1Index >= 0, 'a final KG 1 among the downloads');
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          finalLink.nth(kg1Index).click(),
        ]);
        const bytes = readFileSync(await download.path());
        writeFileSync(join(artifactsDir, 'final-kg1.pdf'), bytes);
        const reading = await readWithPdfJs(bytes);
        const text = reading.pageTexts.join(' ');
        for (const value of ['Yılmaz', 'Ayşe', '60316']) {
          assert.ok(text.includes(value), `the final KG 1 shows ${value} as text`);
        }
        assert.ok(
          text.replace(/\s/g, '').includes('DE02120300000000202051'),
          'the final KG 1 shows the corrected IBAN',
        );
        if (genuine) {
          assert.equal(
            reading.fields?.size ?? 0,
            0,
            'the final official KG 1 is flattened (no form fields left)',
          );
        }
        await page.screenshot({ path: join(artifactsDir, 'case-approved.png'), fullPage: true });

        // Page images for tablets: rendered on the server, loaded when the preview is opened, and
        // only the pages in view (each <img> has its size), with a placeholder until each is there.
        const pageRequests: string[] = [];
        page.on('request', (sent) => {
          if (/\/documents\/[^/]+\/pages\/\d+$/.test(sent.url())) {
            pageRequests.push(sent.url());
          }
        });
        await page.locator('summary', { hasText: 'Vorschau der Seiten als Bilder' }).click();
        const firstPage = page.locator('#page-preview img').first();
        assert.ok(Number(await firstPage.getAttribute('width')) > 0, 'the image has its width');
        assert.ok(Number(await firstPage.getAttribute('height')) > 0, 'the image has its height');
        assert.equal(
          await page.locator('#page-preview li').first().locator('.page-pending').textContent(),
          'Seite wird erstellt …',
        );
        assert.match((await firstPage.getAttribute('alt')) ?? '', /^Seite 1 von \d+ des Formulars /);
        await firstPage.scrollIntoViewIfNeeded();
        let width = 0;
        for (let attempt = 0; attempt < 50 && width === 0; attempt++) {
          width = await firstPage.evaluate(
            (image) => (image as unknown as { complete: boolean; naturalWidth: number }).naturalWidth,
          );
          if (width === 0) {
            await page.waitForTimeout(200);
          }
        }
        assert.ok(width > 0, 'the first page image is loaded');
        const pageCount = await page.locator('#page-preview img').count();
        assert.ok(
          pageRequests.length < pageCount,
          `only the pages in view are loaded (${pageRequests.length} of ${pageCount})`,
        );
        await page.screenshot({ path: join(artifactsDir, 'case-page-images.png'), fullPage: true });
      } finally {
        family.end();
      }
      assert.deepEqual(
        problems.filter((text) => /Content Security Policy|Refused|status of 40[134]\b|Error/.test(text)),
        [],
        'no script error, CSP violation or refused request',
      );
      await context.close();
    });

    it('takes a note on the case page and signs out with JavaScript switched off (server-rendered CSRF token)', async () => {
      const context = await browser.newContext({ locale: 'de-DE', javaScriptEnabled: false });
      const page = await context.newPage();
      await signInWithForm(page, 'dragana.petrovic@example.org');
      await page.getByRole('link', { name: 'Ayşe Yılmaz' }).first().click();
      await page.locator('h1', { hasText: 'Ayşe Yılmaz' }).waitFor();
      await page.getByLabel('Interne Notiz / internal note').fill('Ohne JavaScript notiert.');
      await page.getByRole('button', { name: 'Notiz speichern' }).click();
      await page.getByText('Notiz gespeichert.').waitFor();
      assert.match((await page.locator('#notes').textContent()) ?? '', /Ohne JavaScript notiert\./);
      await page.getByRole('button', { name: 'Abmelden / Sign out' }).click();
      await page.waitForURL(`${baseUrl}/review/login`);
      await page.goto(`${baseUrl}/review`);
      await page.waitForURL(`${baseUrl}/review/login?next=%2Freview`);
      await context.close();
    });

    it('uploads a letter on the case page: without JavaScript a plain multipart form, with JavaScript the reading appears live', async () => {
      const spec = TEMPLATES['familienkasse-mitwirkung'](new SeededRandom(55), 'browser-upload', 'A');
      const letterFile = join(dataDir, 'Brief_Familienkasse.pdf');
      writeFileSync(letterFile, await renderLetterPdf(spec));
      const deadline = spec.truth.deadline!.date.split('-').reverse().join('.');
      for (const javaScriptEnabled of [false, true]) {
        const context = await browser.newContext({ locale: 'de-DE', javaScriptEnabled });
        const page = await context.newPage();
        await signInWithForm(page, 'dragana.petrovic@example.org');
        await page.getByRole('link', { name: 'Ayşe Yılmaz' }).first().click();
        await page.locator('h1', { hasText: 'Ayşe Yılmaz' }).waitFor();
        const uploadsBefore = await page.locator('#uploads li').count();
        await page.getByLabel('Brief für die Familie').setInputFiles(letterFile);
        await page.getByRole('button', { name: 'Hochladen und lesen' }).click();
        await page.getByText('Der Brief ist hochgeladen und wird jetzt gelesen.').waitFor();
        assert.equal(await page.locator('#uploads li').count(), uploadsBefore + 1);
        if (javaScriptEnabled) {
          // review.js swaps the uploads list in when the reading is done.
          await page.locator('#uploads li').last().getByText(deadline).first().waitFor({ timeout: 30_000 });
        } else {
          await app.get(CaseLettersService).whenIdle();
          await page.reload();
        }
        const last = (await page.locator('#uploads li').last().textContent()) ?? '';
        assert.match(last, /Familienkasse/);
        assert.ok(last.includes(deadline), 'the deadline the letter names');
        if (javaScriptEnabled) {
          await assertAccessible(page, 'case-letter-uploaded');
        }
        await context.close();
      }
    });

    it('after a session ended, says so and that the note was not saved, and leads back to the case', async () => {
      const context = await browser.newContext({ locale: 'de-DE' });
      const page = await context.newPage();
      await signInWithForm(page, 'dragana.petrovic@example.org');
      await page.getByRole('link', { name: 'Ayşe Yılmaz' }).first().click();
      await page.locator('h1', { hasText: 'Ayşe Yılmaz' }).waitFor();
      const caseUrl = page.url();
      // The Kümmerer was away longer than SESSION_IDLE_MINUTES.
      await app
        .get(DataSource)
        .createQueryBuilder()
        .update(UserSession)
        .set({ lastSeenAt: new Date(Date.now() - 60 * 60_000) })
        .execute();
      await page.getByLabel('Interne Notiz / internal note').fill('Nach der Pause notiert.');
      await page.getByRole('button', { name: 'Notiz speichern' }).click();
      await page.waitForURL((url) => url.pathname === '/review/login');
      await page.getByText('Sie waren zu lange nicht aktiv. Bitte melden Sie sich wieder an.').waitFor();
      await page.getByText('Ihre letzte Eingabe wurde nicht gespeichert.').waitFor();
      await assertAccessible(page, 'login-session-ended');
      await page.getByLabel('E-Mail').fill('dragana.petrovic@example.org');
      await page.getByLabel('Passwort / Password').fill(testPassword);
      await page.getByRole('button', { name: 'Anmelden / Sign in' }).click();
      await page.waitForURL(caseUrl);
      await page.locator('h1', { hasText: 'Ayşe Yılmaz' }).waitFor();
      assert.doesNotMatch((await page.locator('#notes').textContent()) ?? '', /Nach der Pause notiert/);
      await context.close();
    });

    it('shows the admin pages and the own account page accessibly, and creates a team', async () => {
      const context = await browser.newContext({ locale: 'de-DE', viewport: { width: 1024, height: 768 } });
      const page = await context.newPage();
      await signInWithForm(page, 'ayse.yilmaz@example.org');
      // The admin's queue names each case's team and filters by it.
      await page.locator('#queue th', { hasText: 'Team' }).waitFor();
      const rowsBefore = await page.locator('#queue tbody tr').count();
      assert.ok(rowsBefore > 0, 'the admin sees the team’s case');
      assert.match((await page.locator('#queue tbody tr').first().textContent()) ?? '', /Essen-Altendorf/);
      await page.getByLabel('Team', { exact: true }).selectOption({ label: 'Essen-Katernberg' });
      await page.getByRole('button', { name: 'Filtern / Filter' }).click();
      await page.waitForURL(/team=/);
      assert.equal(await page.locator('#queue tbody tr').count(), 0, 'no case in Essen-Katernberg');
      await assertAccessible(page, 'admin-queue');
      await page.getByRole('link', { name: 'Konten' }).click();
      await page.locator('h1', { hasText: 'Konten' }).waitFor();
      await assertAccessible(page, 'admin-users');
      await page.getByRole('link', { name: 'Teams' }).click();
      await page.getByLabel(/Name des Stadtteils/).fill('Essen-Frohnhausen');
      await page.getByRole('button', { name: 'Team anlegen / Create' }).click();
      await page.getByText('Das Team ist angelegt.').waitFor();
      await page.getByRole('cell', { name: 'Essen-Frohnhausen' }).waitFor();
      await page.getByRole('link', { name: 'Protokoll' }).click();
      await page.locator('td', { hasText: 'team.created' }).first().waitFor();
      await assertAccessible(page, 'admin-audit');
      // Every page links the signed-in person's own account, where the password is changed.
      await page.locator('header a[href="/review/account"]').click();
      await page.locator('h1', { hasText: 'Mein Konto' }).waitFor();
      await assertAccessible(page, 'own-account');
      await context.close();
    });

    async function signInWithForm(page: Page, email: string): Promise<void> {
      await page.goto(`${baseUrl}/review/login`);
      await page.getByLabel('E-Mail').fill(email);
      await page.getByLabel('Passwort / Password').fill(testPassword);
      await page.getByRole('button', { name: 'Anmelden / Sign in' }).click();
      await page.waitForURL(`${baseUrl}/review`);
    }
  },
);
