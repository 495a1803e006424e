import assert from 'node:assert/strict';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { Role } from '../../src/accounts/accounts.types';
import { TeamsService } from '../../src/accounts/teams.service';
import { UsersService } from '../../src/accounts/users.service';

/** A password that passes the rules; every test user has it. */
export const testPassword = 'Kastanien-Allee-Herbst-17';

export interface SignedInUser {
  id: string;
  email: string;
  cookie: string;
  csrfToken: string;
}

/** Creates a team once per name (invented neighbourhoods only). */
export async function ensureTeam(app: INestApplication, name: string): Promise<string> {
  const teams = app.get(TeamsService);
  return (await teams.findOrCreate(name, 'test')).id;
}

export async function createUser(
  app: INestApplication,
  email: string,
  role: Role,
  teamId: string | null = null,
  displayName = 'Olena Kovalenko',
): Promise<string> {
  const user = await app
    .get(UsersService)
    .create({ login: email, displayName, role, teamId, password: testPassword }, 'test');
  return user.id;
}

/** The "name=value" part of the session cookie from a login response. */
export function sessionCookieOf(response: request.Response): string {
  const header = response.headers['set-cookie'] as unknown as string[] | undefined;
  const cookie = header?.find((line) => line.startsWith('antragslotse_session='));
  if (!cookie) {
    throw new Error('no session cookie in the response');
  }
  return cookie.split(';')[0];
}

export async function signIn(
  app: INestApplication,
  email: string,
  password = testPassword,
): Promise<SignedInUser> {
  const response = await request(app.getHttpServer())
    .post('/api/auth/login')
    .send({ email, password })
    .expect(200);
  const body = response.body as { user: { id: string }; csrfToken: string };
  return { id: body.user.id, email, cookie: sessionCookieOf(response), csrfToken: body.csrfToken };
}

/** The value of the hidden _csrf field of the form posting to `action` (server-rendered). */
export function formToken(page: string, action: string): string {
  const match = new RegExp(`action="${action}"[\\s\\S]*?name="_csrf" class="csrf" value="([^"]+)"`).exec(
    page,
  );
  assert.ok(match, `no CSRF token in the form for ${action}`);
  return match[1];
}
