// Operator command: fill the forms of an application from an answers file.
//   npm run --silent forms:fill -- --form <application-or-form-id> --answers <answers.json> --out <file.pdf>
//        [--final] [--template-dir <dir>] [--forms-dir <dir>] [--today YYYY-MM-DD]
// One PDF per form copy (KG 1, one Anlage Kind per child). With one copy the PDF is written to --out;
// with several, each goes next to it as <out>-<form>[-<n>].pdf. Exit codes: 0 ok, 1 user error, 2 internal.
import 'reflect-metadata';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, parse } from 'node:path';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '../src/config/app-config';
import { Answers } from '../src/forms/definition/answers.types';
import { berlinDate } from '../src/common/berlin-date.util';
import { isIsoDate } from '../src/forms/answers/resolve-date.util';
import { ApplicationFillerService } from '../src/filling/application-filler.service';
import { FillingModule } from '../src/filling/filling.module';
import { AppLogger } from '../src/logging/app-logger';

const USAGE = `Aufruf / usage:
  npm run --silent forms:fill -- --form <id> --answers <answers.json> --out <datei.pdf> [--final]
       [--template-dir <dir>] [--forms-dir <dir>] [--today JJJJ-MM-TT]
  --form    Antrag (z. B. kindergeld) oder Formular (z. B. kg1) / application or form id
  --final   flache Endfassung statt bearbeitbarem Entwurf / flattened final copy instead of an editable draft`;

class UserError extends Error {}

async function main(argv: string[]): Promise<number> {
  const args = parseCommandLine(argv);
  const answers = await readAnswers(args.answers);
  const config = loadConfig();
  const app = await NestFactory.createApplicationContext(
    FillingModule.register({
      formsDir: args.formsDir ?? config.FORMS_DIR,
      templateDir: args.templateDir ?? config.templateDir,
      // One fill and nothing else to keep responsive: no worker thread.
      pdfWorkers: 0,
    }),
    // Warnings (e.g. a template that is not installed) go to stderr; stdout lists the files written.
    { logger: new AppLogger('warn', 'text', (line) => process.stderr.write(`${line}\n`)) },
  );
  try {
    const filler = app.get(ApplicationFillerService);
    const applicationId = filler.applicationOf(args.form);
    const documents = await filler.fill(applicationId, answers, {
      mode: args.final ? 'final' : 'draft',
      today: args.today,
      formId: args.form === applicationId ? undefined : args.form,
    });
    await mkdir(dirname(args.out), { recursive: true });
    for (const document of documents) {
      const target = documents.length === 1 ? args.out : siblingOf(args.out, document.fileName);
      await writeFile(target, document.bytes);
      const kind = document.official
        ? 'amtliches Formular / official form'
        : 'Zusammenfassung / answer summary';
      process.stdout.write(`${target}\t${document.title}\t${kind}, ${document.mode}\n`);
    }
    return 0;
  } finally {
    await app.close();
  }
}

interface CommandLine {
  form: string;
  answers: string;
  out: string;
  final: boolean;
  templateDir?: string;
  formsDir?: string;
  today: string;
}

function parseCommandLine(argv: string[]): CommandLine {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        form: { type: 'string' },
        answers: { type: 'string' },
        out: { type: 'string' },
        final: { type: 'boolean', default: false },
        'template-dir': { type: 'string' },
        'forms-dir': { type: 'string' },
        today: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    throw new UserError(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  if (!values.form || !values.answers || !values.out) {
    throw new UserError(
      `Bitte --form, --answers und --out angeben. / Please give --form, --answers and --out.\n${USAGE}`,
    );
  }
  const today = values.today ?? berlinDate();
  if (!isIsoDate(today)) {
    throw new UserError(`--today braucht JJJJ-MM-TT / --today needs YYYY-MM-DD: ${today}`);
  }
  return {
    form: values.form,
    answers: values.answers,
    out: values.out,
    final: values.final ?? false,
    templateDir: values['template-dir'],
    formsDir: values['forms-dir'],
    today,
  };
}

async function readAnswers(path: string): Promise<Answers> {
  const text = await readFile(path, 'utf8').catch(() => {
    throw new UserError(`Datei nicht gefunden: ${path} / File not found: ${path}`);
  });
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new UserError(`${path} ist kein gültiges JSON / is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new UserError(
      `${path}: Die Antworten müssen ein JSON-Objekt sein. / Answers must be a JSON object.`,
    );
  }
  return parsed as Answers;
}

function siblingOf(out: string, fileName: string): string {
  const { dir, name } = parse(out);
  return join(dir, `${name}-${fileName}`);
}

/** Errors with a code from the domain (unknown form, invalid answers, wrong template) are the user's to fix. */
function isUserError(error: unknown): boolean {
  if (error instanceof UserError) {
    return true;
  }
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' && /^(FORM_|APPLICATION_|ANSWERS_|TEMPLATE_)/.test(code);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(isUserError(error) ? 1 : 2);
  },
);
