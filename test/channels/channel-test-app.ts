import { SignJWT } from 'jose';
import { startTestApp, TestApp } from '../support/test-app';

/** Test values for the channel suites; invented, never used outside tests. */
export const testSecret = 'test-directline-secret-0123456789';
export const testTokenSecret = 'test-directline-token-key-0123456789abcdef';

/** The application with the echo bot and known Direct Line secrets. */
export function startChannelApp(env: Record<string, string> = {}): Promise<TestApp> {
  return startTestApp({
    BOT: 'echo',
    DIRECTLINE_SECRET: testSecret,
    DIRECTLINE_TOKEN_SECRET: testTokenSecret,
    ...env,
  });
}

/** A token signed with the test key, e.g. already expired. */
export function signTestToken(conversationId: string, expiresAtSeconds: number): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer('antragslotse')
    .setAudience('directline')
    .setSubject(conversationId)
    .setIssuedAt(expiresAtSeconds - 1800)
    .setExpirationTime(expiresAtSeconds)
    .sign(new TextEncoder().encode(testTokenSecret));
}

export const bearer = (credential: string) => ({ Authorization: `Bearer ${credential}` });

/** The application listening on a loopback port, for clients that need a real socket. */
export async function startListeningChannelApp(
  env: Record<string, string> = {},
): Promise<{ app: TestApp; baseUrl: string }> {
  const app = await startChannelApp(env);
  await app.app.listen(0, '127.0.0.1');
  const address = (app.app.getHttpServer() as import('node:http').Server).address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { app, baseUrl: `http://127.0.0.1:${port}` };
}
