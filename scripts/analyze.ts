// Reads a letter (photo, scan, TIFF or PDF) and prints the letter analysis as JSON, with no service
// running. Usage:
//   npm run --silent analyze -- <file> [--today YYYY-MM-DD] [--ocr] [--workers N]
// Exit codes: 0 done, 1 the file was refused (message says why), 2 internal error.
import { readFile, stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { analyzeLetter } from '../src/documents/analysis';
import { DocumentIntakeError } from '../src/documents/intake/document-intake.errors';
import { documentIntakeMessage } from '../src/documents/intake/document-intake-messages.util';
import { defaultIntakeLimits } from '../src/documents/intake/intake-limits';
import { InProcessOcrQueue } from '../src/documents/ocr/in-process-ocr-queue';
import { OcrError, ocrErrorMessages } from '../src/documents/ocr/ocr.errors';
import { DocumentReader } from '../src/documents/ocr/read-document.service';

const usage = `Liest einen Brief und gibt die Auswertung als JSON aus. / Reads a letter and prints the analysis as JSON.
  npm run --silent analyze -- <datei|file> [--today YYYY-MM-DD] [--ocr] [--workers N]
  --today    Datum für Fristen ohne Jahr (Standard: heute) / date for deadlines without a year (default: today)
  --ocr      nur den gelesenen Text mit Wortboxen ausgeben / print only the OCR document with word boxes
  --workers  OCR-Threads (Standard: 1) / OCR threads (default: 1)`;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      today: { type: 'string' },
      ocr: { type: 'boolean', default: false },
      workers: { type: 'string', default: '1' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help || positionals.length !== 1) {
    console.error(usage);
    return values.help ? 0 : 1;
  }
  const today = values.today ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) {
    console.error('--today braucht YYYY-MM-DD. / --today needs YYYY-MM-DD.');
    return 1;
  }
  const file = positionals[0];
  // Refuse a huge file before reading it into memory.
  const size = (await stat(file)).size;
  if (size > defaultIntakeLimits.maxBytes) {
    throw new DocumentIntakeError('FILE_TOO_LARGE', 'too large', {
      limit: defaultIntakeLimits.maxBytes,
      actual: size,
    });
  }
  const queue = new InProcessOcrQueue({ size: Math.max(1, Number(values.workers) || 1) });
  try {
    const reader = new DocumentReader(queue);
    const result = await reader.read(await readFile(file));
    const output = values.ocr ? result.document : analyzeLetter(result.document, { today });
    process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
    return 0;
  } finally {
    await queue.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof DocumentIntakeError) {
      console.error(
        `${documentIntakeMessage(error.code, 'de', error.details)}\n${documentIntakeMessage(error.code, 'en', error.details)}\n(${error.code})`,
      );
      process.exit(1);
    }
    if (error instanceof OcrError) {
      console.error(
        `${ocrErrorMessages[error.code].de}\n${ocrErrorMessages[error.code].en}\n(${error.code})`,
      );
      process.exit(1);
    }
    if ((error as NodeJS.ErrnoException | null)?.code === 'ENOENT') {
      console.error('Datei nicht gefunden. / File not found.');
      process.exit(1);
    }
    console.error(
      `Interner Fehler / internal error: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(2);
  },
);
