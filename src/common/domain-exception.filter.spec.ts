import assert from 'node:assert/strict';
import { describe, it, mock } from 'node:test';
import { ArgumentsHost, BadRequestException, Logger } from '@nestjs/common';
import { DocumentsError } from '../documents/documents.errors';
import { DocumentIntakeError } from '../documents/intake/document-intake.errors';
import { OcrError } from '../documents/ocr/ocr.errors';
import { AccountsError } from '../accounts/accounts.errors';
import { CasesError } from '../cases/cases.errors';
import { DomainExceptionFilter } from './domain-exception.filter';

interface Captured {
  status?: number;
  body?: Record<string, unknown>;
  headers: Record<string, string>;
}

function hostFor(captured: Captured): ArgumentsHost {
  const response = {
    status(code: number) {
      captured.status = code;
      return response;
    },
    json(body: Record<string, unknown>) {
      captured.body = body;
      return response;
    },
    setHeader(name: string, value: string) {
      captured.headers[name] = value;
    },
  };
  const request = {
    method: 'POST',
    path: '/api/review/cases/c1/documents',
    body: { firstName: 'Zeynep', iban: 'DE02120300000000202051' },
    query: { email: 'ayse.yilmaz@example.org' },
  };
  return {
    switchToHttp: () => ({ getResponse: () => response, getRequest: () => request }),
  } as unknown as ArgumentsHost;
}

function statusOf(error: Error): Captured {
  const captured: Captured = { headers: {} };
  new DomainExceptionFilter().catch(error, hostFor(captured));
  return captured;
}

describe('DomainExceptionFilter for documents, intake and OCR', () => {
  const cases: Array<[Error & { code: string }, number]> = [
    [new DocumentsError('DOCUMENT_TOO_LARGE', 'too large', 20_000_000), 413],
    [new DocumentsError('DOCUMENT_EMPTY', 'empty'), 422],
    [new DocumentsError('DOCUMENT_TYPE_NOT_ALLOWED', 'type'), 422],
    [new DocumentsError('DOCUMENT_NOT_FOUND', 'gone'), 404],
    [new DocumentIntakeError('FILE_TOO_LARGE', 'too large', { limit: 20_000_000 }), 413],
    [new DocumentIntakeError('FILE_EMPTY', 'empty'), 422],
    [new DocumentIntakeError('UNSUPPORTED_TYPE', 'type'), 422],
    [new DocumentIntakeError('HEIC_NOT_SUPPORTED', 'heic'), 422],
    [new DocumentIntakeError('TOO_MANY_PAGES', 'pages', { limit: 20, actual: 31 }), 422],
    [new DocumentIntakeError('IMAGE_TOO_LARGE', 'pixels'), 422],
    [new DocumentIntakeError('PAGE_TOO_LARGE', 'page'), 422],
    [new DocumentIntakeError('PDF_ENCRYPTED', 'password'), 422],
    [new DocumentIntakeError('FILE_DAMAGED', 'damaged'), 422],
    [new DocumentIntakeError('PROCESSING_TIMEOUT', 'slow'), 422],
    [new OcrError('OCR_BUSY', 'busy'), 503],
    [new OcrError('OCR_CLOSED', 'closed'), 503],
    [new OcrError('OCR_TIMEOUT', 'timeout'), 422],
    [new OcrError('OCR_FAILED', 'failed'), 422],
  ];
  for (const [error, status] of cases) {
    it(`answers ${error.code} with ${status} and the code`, () => {
      const sut = statusOf(error);
      assert.equal(sut.status, status);
      assert.equal(sut.body?.code, error.code);
      assert.equal(sut.body?.statusCode, status);
      assert.equal(typeof sut.body?.correlationId, 'string');
    });
  }

  it('asks the client to retry a full OCR queue later', () => {
    assert.equal(statusOf(new OcrError('OCR_BUSY', 'busy')).headers['Retry-After'], '60');
    assert.equal(statusOf(new DocumentIntakeError('FILE_EMPTY', 'empty')).headers['Retry-After'], undefined);
  });

  it('keeps unknown errors at 500 without their message', () => {
    const sut = statusOf(new Error('secret detail'));
    assert.equal(sut.status, 500);
    assert.doesNotMatch(JSON.stringify(sut.body), /secret detail/);
  });
});

describe('DomainExceptionFilter in the log', () => {
  function logged(error: unknown): { captured: Captured; warn: string[]; error: string[] } {
    const warn = mock.method(Logger.prototype, 'warn', () => undefined);
    const fail = mock.method(Logger.prototype, 'error', () => undefined);
    try {
      const captured: Captured = { headers: {} };
      new DomainExceptionFilter().catch(error, hostFor(captured));
      return {
        captured,
        warn: warn.mock.calls.map((call) => String(call.arguments[0])),
        error: fail.mock.calls.map((call) => String(call.arguments[0])),
      };
    } finally {
      warn.mock.restore();
      fail.mock.restore();
    }
  }

  it('logs a 4xx as a warning with its error number, status, code and route, and nothing typed', () => {
    const sut = logged(
      new CasesError('CASE_ANSWER_INVALID', 'Zeynep: DE02120300000000202051 is not valid', [
        'Die IBAN DE02120300000000202051 stimmt nicht.',
      ]),
    );
    assert.equal(sut.captured.status, 422);
    assert.deepEqual(sut.error, []);
    assert.deepEqual(sut.warn, [
      `${String(sut.captured.body?.correlationId)} 422 CASE_ANSWER_INVALID POST /api/review/cases/c1/documents`,
    ]);
  });

  it('logs Nest’s own 4xx (validation) and the session refusals the same way', () => {
    const validation = logged(new BadRequestException(['firstName must be shorter']));
    assert.deepEqual(validation.warn, [
      `${String(validation.captured.body?.correlationId)} 400 BadRequestException POST /api/review/cases/c1/documents`,
    ]);
    const csrf = logged(new AccountsError('AUTH_CSRF_INVALID', 'wrong token'));
    assert.match(csrf.warn[0], / 403 AUTH_CSRF_INVALID POST /);
  });

  it('keeps logging a 5xx as an error with its number', () => {
    const sut = logged(new OcrError('OCR_BUSY', 'busy'));
    assert.deepEqual(sut.warn, []);
    assert.equal(sut.error.length, 1);
    assert.ok(sut.error[0].startsWith(`${String(sut.captured.body?.correlationId)} 503 OCR_BUSY POST `));
  });
});
