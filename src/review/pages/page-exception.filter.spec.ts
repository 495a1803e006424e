import assert from 'node:assert/strict';
import { describe, it, mock } from 'node:test';
import { ArgumentsHost, Logger, NotFoundException } from '@nestjs/common';
import { AccountsError } from '../../accounts/accounts.errors';
import { CasesError } from '../../cases/cases.errors';
import { PageExceptionFilter } from './page-exception.filter';

const caseId = '3f0c2a9e-0123-4567-89ab-012345678901';

interface Answer {
  status?: number;
  page: string;
  warn: string[];
  error: string[];
}

function answer(exception: unknown): Answer {
  const warn = mock.method(Logger.prototype, 'warn', () => undefined);
  const fail = mock.method(Logger.prototype, 'error', () => undefined);
  const result: Answer = { page: '', warn: [], error: [] };
  const response = {
    status(code: number) {
      result.status = code;
      return response;
    },
    set: () => response,
    type: () => response,
    send(page: string) {
      result.page = page;
      return response;
    },
  };
  const request = {
    method: 'POST',
    path: `/review/cases/${caseId}/answers`,
    originalUrl: `/review/cases/${caseId}/answers`,
    headers: {},
    body: { path: 'applicant.lastName', value: 'Yılmaz' },
  };
  const host = {
    switchToHttp: () => ({ getResponse: () => response, getRequest: () => request }),
  } as unknown as ArgumentsHost;
  try {
    new PageExceptionFilter().catch(exception, host);
    result.warn = warn.mock.calls.map((call) => String(call.arguments[0]));
    result.error = fail.mock.calls.map((call) => String(call.arguments[0]));
    return result;
  } finally {
    warn.mock.restore();
    fail.mock.restore();
  }
}

/** The error number the page shows. */
function numberOnPage(page: string): string {
  const match = /<small>([0-9a-f-]{36})<\/small>/.exec(page);
  assert.ok(match, 'the page shows an error number');
  return match[1];
}

describe('PageExceptionFilter in the log', () => {
  it('logs the number of a 4xx page as a warning, with the route, so support can find it', () => {
    for (const [exception, status, kind] of [
      [new AccountsError('SCOPED_RESOURCE_NOT_FOUND', 'Nicht gefunden.'), 404, 'SCOPED_RESOURCE_NOT_FOUND'],
      [new AccountsError('AUTH_FORBIDDEN', 'no'), 403, 'AUTH_FORBIDDEN'],
      [new CasesError('CASE_STATUS_INVALID', 'closed'), 409, 'CASE_STATUS_INVALID'],
      [new NotFoundException(), 404, 'NotFoundException'],
    ] as const) {
      const sut = answer(exception);
      assert.equal(sut.status, status);
      assert.deepEqual(sut.error, []);
      assert.deepEqual(sut.warn, [
        `${numberOnPage(sut.page)} ${status} ${kind} POST /review/cases/${caseId}/answers`,
      ]);
    }
  });

  it('logs nothing the Kümmerer typed', () => {
    const sut = answer(new CasesError('CASE_ANSWER_INVALID', 'Yılmaz is not valid', ['Yılmaz passt nicht.']));
    assert.equal(sut.status, 422);
    assert.equal(sut.warn.length, 1);
    assert.doesNotMatch(sut.warn[0], /Yılmaz|applicant/);
  });

  it('logs a 5xx page as an error with the same number', () => {
    const sut = answer(new Error('database is locked'));
    assert.equal(sut.status, 500);
    assert.deepEqual(sut.warn, []);
    assert.equal(sut.error.length, 1);
    assert.ok(sut.error[0].startsWith(`${numberOnPage(sut.page)} 500 Error POST `), sut.error[0]);
  });
});
