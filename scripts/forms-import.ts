// Operator command: list the fields of a fillable PDF, or draft a form definition from it.
//   npm run --silent forms:import -- <pdf> [--json] [--out <file>] [--id <form-id>] [--force]
// Exit codes: 0 ok, 1 user error (file missing, not a PDF, password), 2 internal error.
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { FieldInventoryService } from '../src/pdf/inventory/field-inventory.service';
import { draftFormDefinition } from '../src/pdf/inventory/draft-form-definition.util';
import { renderDraftYaml } from '../src/pdf/inventory/render-draft-yaml.util';
import { PdfError } from '../src/pdf/pdf.errors';

const USAGE = `Aufruf / usage:
  npm run --silent forms:import -- <pdf> --json [--out <file>]   Feldliste als JSON / field inventory as JSON
  npm run --silent forms:import -- <pdf> [--id <form-id>] [--out <form.yaml>] [--force]
                                                                 Entwurf einer form.yaml / draft form.yaml`;

class UserError extends Error {}

async function main(argv: string[]): Promise<void> {
  const args = parseCommandLine(argv);
  // Only our own output may reach stdout: it is piped into files and other tools.
  console.log = console.error;
  console.info = console.error;

  const bytes = await readPdf(args.pdf);
  const fileName = basename(args.pdf);
  const inventory = await inventoryOf(bytes, fileName, args.pdf);
  const output = args.json
    ? `${JSON.stringify(inventory, null, 2)}\n`
    : renderDraftYaml(draftFormDefinition(inventory, { templateFile: fileName, id: args.id }), {
        sourceFile: fileName,
        generatedAt: new Date(),
      });

  if (!args.out) {
    process.stdout.write(output);
    return;
  }
  if (existsSync(args.out) && !args.force) {
    throw new UserError(
      `Die Datei ${args.out} gibt es schon; mit --force überschreiben. / ${args.out} exists; use --force to overwrite it.`,
    );
  }
  await writeFile(args.out, output, 'utf8');
  process.stderr.write(
    `${inventory.fieldCount} Felder -> ${args.out} geschrieben. / ${inventory.fieldCount} fields, wrote ${args.out}.\n`,
  );
}

interface CommandLine {
  pdf: string;
  json: boolean;
  out?: string;
  id?: string;
  force: boolean;
}

function parseCommandLine(argv: string[]): CommandLine {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        out: { type: 'string' },
        id: { type: 'string' },
        force: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UserError(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(0);
  }
  if (positionals.length !== 1) {
    throw new UserError(`Bitte genau eine PDF-Datei angeben. / Please name exactly one PDF file.\n${USAGE}`);
  }
  if (values.id !== undefined && !/^[a-z0-9][a-z0-9-]*$/.test(values.id)) {
    throw new UserError(
      `Ungültige Formular-ID "${values.id}": nur a-z, 0-9 und "-". / Invalid form id "${values.id}": only a-z, 0-9 and "-".`,
    );
  }
  return { pdf: positionals[0], json: values.json, out: values.out, id: values.id, force: values.force };
}

async function readPdf(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new UserError(`Datei nicht gefunden: ${path} / File not found: ${path}`);
    }
    if (code === 'EISDIR') {
      throw new UserError(`Das ist ein Ordner, keine Datei: ${path} / This is a folder, not a file: ${path}`);
    }
    if (code === 'EACCES') {
      throw new UserError(`Keine Leserechte für ${path} / No permission to read ${path}`);
    }
    throw error;
  }
}

async function inventoryOf(bytes: Uint8Array, fileName: string, path: string) {
  try {
    return await new FieldInventoryService().inventory(bytes, { fileName });
  } catch (error) {
    if (error instanceof PdfError && error.code === 'PDF_PASSWORD_REQUIRED') {
      throw new UserError(
        `Das PDF ${path} ist mit einem Passwort geschützt. Bitte die ungeschützte Fassung der Behörde verwenden. / ` +
          `The PDF ${path} needs a password. Please use the authority's unprotected edition.`,
      );
    }
    if (error instanceof PdfError && error.code === 'PDF_UNREADABLE') {
      throw new UserError(
        `Die Datei ${path} ist kein lesbares PDF. / The file ${path} is not a readable PDF.\n(${error.message})`,
      );
    }
    throw error;
  }
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => {
    if (error instanceof UserError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    // No file contents in the message: only the error itself, for the maintainers.
    process.stderr.write(
      `Interner Fehler, bitte melden. / Internal error, please report.\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(2);
  },
);
