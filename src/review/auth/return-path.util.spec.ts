import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Request } from 'express';
import { returnPathOf, safeReturnPath } from './return-path.util';

describe('safeReturnPath', () => {
  it('keeps relative workspace paths with their query', () => {
    assert.equal(safeReturnPath('/review'), '/review');
    assert.equal(
      safeReturnPath('/review/cases/3f0c2a9e-0123-4567-89ab-0123456789ab?msg=note'),
      '/review/cases/3f0c2a9e-0123-4567-89ab-0123456789ab?msg=note',
    );
    assert.equal(safeReturnPath('/review?status=in_review&page=2'), '/review?status=in_review&page=2');
    assert.equal(safeReturnPath('/review/admin/users#top'), '/review/admin/users');
  });

  it('refuses anything that could lead off the site or out of the workspace', () => {
    for (const candidate of [
      undefined,
      42,
      '',
      'review',
      'https://angreifer.example/review',
      '//angreifer.example/review',
      '/\\angreifer.example/review',
      '/review\\..\\..\\x',
      '/review/../../angreifer',
      '/review/%2e%2e/angreifer',
      '/reviewer',
      '/api/review/cases',
      'javascript:alert(1)',
      '/review/\nSet-Cookie:x',
      `/review/${'a'.repeat(1000)}`,
    ]) {
      assert.equal(safeReturnPath(candidate), undefined, String(candidate));
    }
  });

  it('does not lead back to the sign-in, the sign-out, the queue’s row fragment or files', () => {
    for (const candidate of [
      '/review/login',
      '/review/login?next=/review',
      '/review/logout',
      '/review/rows',
      '/review/assets/review.css',
    ]) {
      assert.equal(safeReturnPath(candidate), undefined, candidate);
    }
  });
});

describe('returnPathOf', () => {
  const caseId = '3f0c2a9e-0123-4567-89ab-0123456789ab';
  const requestOf = (method: string, url: string, headers: Record<string, string> = {}) =>
    ({
      method,
      originalUrl: url,
      path: url.split('?')[0],
      headers: { host: 'arbeitsplatz.example', ...headers },
    }) as unknown as Request;

  it('returns to the page itself after a GET', () => {
    assert.equal(
      returnPathOf(requestOf('GET', `/review/cases/${caseId}?msg=saved`)),
      `/review/cases/${caseId}?msg=saved`,
    );
    assert.equal(returnPathOf(requestOf('GET', '/review/rows?page=2')), '/review');
  });

  it('returns to the page a form was on: its Referer from this host, else the case page, else the queue', () => {
    const referer = { referer: 'http://arbeitsplatz.example/review/admin/users/7?msg=x' };
    assert.equal(
      returnPathOf(requestOf('POST', '/review/admin/users/7', referer)),
      '/review/admin/users/7?msg=x',
    );
    const foreign = { referer: 'https://angreifer.example/review/admin/users' };
    assert.equal(
      returnPathOf(requestOf('POST', `/review/cases/${caseId}/answers`, foreign)),
      `/review/cases/${caseId}`,
    );
    assert.equal(returnPathOf(requestOf('POST', '/review/admin/teams')), '/review');
  });
});
