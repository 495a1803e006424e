// Operator command: install the official PDF templates that the form definitions expect.
//   npm run forms:install -- <pdf> [<pdf> ...] [--from <dir>] [--template-dir <dir>] [--forms-dir <dir>]
// A PDF is installed only when its SHA-256 equals `template.sha256` of a forms/<id>/form.yaml.
// Exit codes: 0 ok, 1 user error (missing file, unknown PDF, nothing to install), 2 internal error.
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { listFormTemplates, type KnownTemplate } from '../src/pdf/inventory/list-form-templates.util';
import { TemplateInstallService } from '../src/pdf/inventory/template-install.service';

const USAGE = `Aufruf / usage:
  npm run forms:install -- <pdf> [<pdf> ...] [--template-dir <dir>] [--forms-dir <dir>]
  npm run forms:install -- --from <ordner/folder> [--template-dir <dir>] [--forms-dir <dir>]
Zielordner / target folder: --template-dir, sonst/else FORMS_TEMPLATE_DIR, sonst/else DATA_DIR/templates (./data/templates)`;

class UserError extends Error {}

interface CommandLine {
  files: string[];
  from?: string;
  templateDir: string;
  formsDir: string;
}

async function main(argv: string[]): Promise<number> {
  const args = parseCommandLine(argv);
  const { templates, problems } = await listFormTemplates(args.formsDir);
  for (const problem of problems) {
    process.stderr.write(`Warnung / warning: ${problem}\n`);
  }
  if (templates.length === 0) {
    throw new UserError(
      `Keine Formulardefinition mit template.sha256 in ${args.formsDir}. / No form definition with template.sha256 in ${args.formsDir}.`,
    );
  }
  for (const file of args.files) {
    await assertFile(file);
  }
  const fromFolder = args.from ? await pdfsIn(args.from) : [];

  const installer = new TemplateInstallService();
  let failed = false;
  let matched = 0;
  for (const source of [...args.files, ...fromFolder]) {
    const outcome = await installer.install(source, templates, args.templateDir);
    if (outcome.status === 'unknown') {
      // Explicitly named files must match; in a folder, other PDFs (cover letters, old editions) are normal.
      if (args.files.includes(source)) {
        failed = true;
        process.stderr.write(unknownMessage(source, outcome.sha256, templates));
      } else {
        process.stdout.write(
          `übersprungen / skipped (keine Definition / no definition): ${source} sha256 ${outcome.sha256}\n`,
        );
      }
      continue;
    }
    matched++;
    const label = {
      installed: 'installiert / installed',
      replaced: 'ersetzt / replaced',
      unchanged: 'schon installiert / already installed',
    }[outcome.status];
    process.stdout.write(`${label}: ${describe(outcome.template)} <- ${source} -> ${outcome.target}\n`);
  }
  if (args.from && matched === 0 && args.files.length === 0) {
    throw new UserError(
      `In ${args.from} ist kein PDF, das eine Formulardefinition erwartet. / No PDF in ${args.from} matches a form definition.\n${knownList(templates)}`,
    );
  }
  return failed ? 1 : 0;
}

function parseCommandLine(argv: string[]): CommandLine {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        from: { type: 'string' },
        'template-dir': { type: 'string' },
        'forms-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UserError(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  if (positionals.length === 0 && !values.from) {
    throw new UserError(
      `Bitte PDF-Dateien oder --from <ordner> angeben. / Please name PDF files or --from <folder>.\n${USAGE}`,
    );
  }
  const dataDir = (process.env.DATA_DIR || './data').replace(/\/$/, '');
  return {
    files: positionals,
    from: values.from,
    templateDir: resolve(
      values['template-dir'] ?? (process.env.FORMS_TEMPLATE_DIR || `${dataDir}/templates`),
    ),
    formsDir: resolve(values['forms-dir'] ?? (process.env.FORMS_DIR || './forms')),
  };
}

async function assertFile(path: string): Promise<void> {
  const info = await stat(path).catch(() => undefined);
  if (!info) {
    throw new UserError(`Datei nicht gefunden: ${path} / File not found: ${path}`);
  }
  if (!info.isFile()) {
    throw new UserError(`Das ist keine Datei: ${path} / Not a file: ${path}`);
  }
}

async function pdfsIn(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => {
    throw new UserError(`Ordner nicht gefunden: ${folder} / Folder not found: ${folder}`);
  });
  return entries
    .filter((entry) => entry.isFile() && /\.pdf$/i.test(entry.name))
    .map((entry) => join(folder, entry.name))
    .sort();
}

function describe(template: KnownTemplate): string {
  return `${template.formId} (Stand ${template.edition ?? '?'}, ${template.file})`;
}

function knownList(templates: KnownTemplate[]): string {
  const lines = templates.map((template) => `  - ${describe(template)} sha256 ${template.sha256}`);
  return `Bekannte Formulare / known forms:\n${lines.join('\n')}\n`;
}

function unknownMessage(source: string, sha256: string, templates: KnownTemplate[]): string {
  return (
    `Nicht installiert / not installed: ${source}\n` +
    `  SHA-256: ${sha256}\n` +
    '  Keine Formulardefinition erwartet genau diese Datei. Meist ist es eine ältere oder neuere Ausgabe (Stand)\n' +
    '  des Formulars: bitte die Ausgabe laut Definition beschaffen oder die Definition anpassen.\n' +
    '  No form definition expects exactly this file. Usually it is an older or newer edition of the form:\n' +
    '  get the edition the definition names, or update the definition.\n' +
    knownList(templates)
  );
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UserError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    process.stderr.write(
      `Interner Fehler, bitte melden. / Internal error, please report.\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(2);
  },
);
