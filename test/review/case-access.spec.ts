import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Controller, Get, INestApplication, Module, Param, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import request from 'supertest';
import { AppModule } from '../../src/app.module';
import { DomainExceptionFilter } from '../../src/common/domain-exception.filter';
import { loadConfig } from '../../src/config/app-config';
import { CaseAccessGuard } from '../../src/review/auth/case-access.guard';
import { CASE_TEAM_LOOKUP, CaseTeamLookup } from '../../src/review/auth/case-team-lookup.types';
import { ReviewAuthModule } from '../../src/review/auth/review-auth.module';
import { CaseScoped } from '../../src/review/auth/case-scoped.decorator';
import { createUser, ensureTeam, signIn, SignedInUser } from './workspace-session';

// Case ids of two teams; the cases module provides the real lookup once cases carry a team.
const teamOfCase = new Map<string, string>();
const lookup: CaseTeamLookup = {
  findTeamOfCase: (caseId) => Promise.resolve(teamOfCase.get(caseId)),
};

@Controller('api/test-cases')
@CaseScoped()
class ScopedCasesController {
  @Get(':caseId')
  show(@Param('caseId') caseId: string): { id: string } {
    return { id: caseId };
  }

  @Get(':caseId/documents/:documentId')
  document(@Param('documentId') documentId: string): { id: string } {
    return { id: documentId };
  }
}

@Module({
  imports: [ReviewAuthModule],
  controllers: [ScopedCasesController],
  providers: [CaseAccessGuard, { provide: CASE_TEAM_LOOKUP, useValue: lookup }],
})
class ScopedCasesModule {}

describe('team scope on /:caseId routes (CaseAccessGuard)', () => {
  let app: INestApplication;
  let dataDir: string;
  let altendorf: SignedInUser;
  let admin: SignedInUser;
  const ownCase = '0a4c7a56-3b0e-4c34-9a5f-5d1c8e0f0001';
  const otherTeamsCase = '0a4c7a56-3b0e-4c34-9a5f-5d1c8e0f0002';
  const unknownCase = '0a4c7a56-3b0e-4c34-9a5f-5d1c8e0f0003';

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'antragslotse-case-access-'));
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, LOG_LEVEL: 'error' });
    @Module({ imports: [AppModule.register(config), ScopedCasesModule] })
    class TestRootModule {}
    app = await NestFactory.create(TestRootModule, { logger: false });
    app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
    app.useGlobalFilters(new DomainExceptionFilter());
    await app.init();

    const altendorfTeam = await ensureTeam(app, 'Essen-Altendorf');
    const katernbergTeam = await ensureTeam(app, 'Essen-Katernberg');
    teamOfCase.set(ownCase, altendorfTeam);
    teamOfCase.set(otherTeamsCase, katernbergTeam);
    await createUser(app, 'dragana.petrovic@example.org', 'kuemmerer', altendorfTeam, 'Dragana Petrović');
    await createUser(app, 'ayse.yilmaz@example.org', 'admin', null, 'Ayşe Yılmaz');
    altendorf = await signIn(app, 'dragana.petrovic@example.org');
    admin = await signIn(app, 'ayse.yilmaz@example.org');
  });

  after(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const get = (path: string, user?: SignedInUser) => {
    const test = request(app.getHttpServer()).get(path);
    return user ? test.set('Cookie', user.cookie) : test;
  };

  it("lets a Kümmerer open their own team's case", async () => {
    const response = await get(`/api/test-cases/${ownCase}`, altendorf).expect(200);
    assert.equal(response.body.id, ownCase);
  });

  it("answers another team's case exactly like an unknown or malformed id", async () => {
    const other = await get(`/api/test-cases/${otherTeamsCase}`, altendorf).expect(404);
    const unknown = await get(`/api/test-cases/${unknownCase}`, altendorf).expect(404);
    const malformed = await get('/api/test-cases/1%20OR%201=1', altendorf).expect(404);
    const withoutId = (body: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(body).filter(([key]) => key !== 'correlationId'));
    const otherBody = withoutId(other.body as Record<string, unknown>);
    const unknownBody = withoutId(unknown.body as Record<string, unknown>);
    const malformedBody = withoutId(malformed.body as Record<string, unknown>);
    assert.deepEqual(otherBody, unknownBody);
    assert.deepEqual(malformedBody, unknownBody);
    assert.deepEqual(otherBody, {
      statusCode: 404,
      code: 'SCOPED_RESOURCE_NOT_FOUND',
      message: 'Nicht gefunden. / Not found.',
    });
    assert.equal(JSON.stringify(other.body).includes(otherTeamsCase), false);
  });

  it("hides documents under another team's case the same way", async () => {
    await get(
      `/api/test-cases/${otherTeamsCase}/documents/0a4c7a56-3b0e-4c34-9a5f-5d1c8e0f00d1`,
      altendorf,
    ).expect(404);
    await get(`/api/test-cases/${ownCase}/documents/0a4c7a56-3b0e-4c34-9a5f-5d1c8e0f00d1`, altendorf).expect(
      200,
    );
  });

  it("lets an admin open every team's case, and asks for a session first", async () => {
    await get(`/api/test-cases/${otherTeamsCase}`, admin).expect(200);
    await get(`/api/test-cases/${unknownCase}`, admin).expect(404);
    await get(`/api/test-cases/${ownCase}`).expect(401);
  });
});
