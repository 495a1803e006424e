// Conversation benchmark: N simulated families talk concurrently over the Direct Line REST API to
// the service, started as a child process on SQLite (loopback only). Run with
//   npm run bench:conversation -- [--families=200] [--wait-scale=1] [--turns=12] [--bots=echo,antragslotse]
//     [--phases=paced,max]
// Phase "paced": every family waits 1-3 s (times --wait-scale) before its next message, as people do.
// Phase "max": the same families without waiting: the most turns per second the service manages.
// Turn latency: POST activity -> the bot's reply is visible with GET activities?watermark=.
// Targets on the 2-core machine: p99 <= 50 ms at 200 families, and <= 2 x the echo bot's p99.
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parse } from 'yaml';
import { listFormTemplates } from '../src/pdf/inventory/list-form-templates.util';
import { TemplateInstallService } from '../src/pdf/inventory/template-install.service';
import { officialFormsDir } from '../test/support/official-forms';
import { FamilyMessage, PhaseResult } from './conversation-bench.types';

type BotMode = 'echo' | 'antragslotse';

const args = new Map(
  process.argv.slice(2).map((arg) => {
    const [key, value] = arg.replace(/^--/, '').split('=');
    return [key, value ?? 'true'] as const;
  }),
);
const families = Math.min(2000, Math.max(1, Number(args.get('families') ?? 200)));
const waitScale = Math.max(0, Number(args.get('wait-scale') ?? 1));
const echoTurns = Math.min(200, Math.max(1, Number(args.get('turns') ?? 12)));
const bots = (args.get('bots') ?? 'echo,antragslotse').split(',') as BotMode[];
const withoutWaiting = (args.get('phases') ?? 'paced,max').split(',').includes('max');
const secret = 'bench-directline-secret-0123456789';
const projectRoot = resolve(__dirname, '..', '..');
const targets = { p99Ms: 50, ratioToEcho: 2 };
const detail = process.env.BENCH_DETAIL === '1';

function quantile(sorted: number[], q: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const port = (server.address() as { port: number }).port;
  await new Promise((done) => server.close(done));
  return port;
}

/** Peak resident memory of a process (VmHWM, Linux). */
function peakRssMb(pid: number | string | undefined): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kilobytes = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? NaN);
    return Math.round(kilobytes / 1024);
  } catch {
    return NaN;
  }
}

/**
 * CPU seconds of the service's main thread (the event loop every turn waits for; /proc on Linux).
 * Steadier than the latency quantiles on a noisy machine, so it tells whether a change saved work.
 */
function mainThreadCpuSeconds(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // After "pid (comm) ": utime and stime are the 12th and 13th fields, in clock ticks (100/s).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

/** Peak resident memory of the service's child processes (its PDF workers), summed. */
function childrenPeakRssMb(pid: number | undefined): number {
  let total = 0;
  for (const child of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const parent = /PPid:\s+(\d+)/.exec(readFileSync(`/proc/${child}/status`, 'utf8'))?.[1];
      total += Number(parent) === pid ? peakRssMb(child) || 0 : 0;
    } catch {
      // ended meanwhile
    }
  }
  return total;
}

/** The messages of the full KG 1 transcript with two children (the bot team's own conversation test). */
function kindergeldConversation(): FamilyMessage[] {
  const file = join(projectRoot, 'test', 'transcripts', 'kg1-two-children.yaml');
  const transcript = parse(readFileSync(file, 'utf8')) as {
    steps: Array<{ user?: string; action?: { action: string; value?: string } }>;
  };
  return transcript.steps.flatMap((step): FamilyMessage[] => {
    if (step.user !== undefined) {
      return [{ text: step.user }];
    }
    return step.action ? [{ value: step.action }] : [];
  });
}

/**
 * Installs the genuine Familienkasse PDFs into the service's template folder when they are at hand,
 * so submissions fill the official forms as in production; otherwise the answer summary is used.
 */
async function installOfficialTemplates(dataDir: string): Promise<number> {
  if (!existsSync(officialFormsDir)) {
    return 0;
  }
  const { templates } = await listFormTemplates(join(projectRoot, 'forms'));
  const installer = new TemplateInstallService();
  let installed = 0;
  for (const file of readdirSync(officialFormsDir).filter((name) => name.endsWith('.pdf'))) {
    const outcome = await installer.install(
      join(officialFormsDir, file),
      templates,
      join(dataDir, 'templates'),
    );
    installed += outcome.status === 'unknown' ? 0 : 1;
  }
  return installed;
}

async function startService(
  bot: BotMode,
): Promise<{ child: ChildProcess; baseUrl: string; dataDir: string; templates: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'antragslotse-bench-'));
  const templates = await installOfficialTemplates(dataDir);
  const port = await freePort();
  const child = spawn(process.execPath, [join(projectRoot, 'dist', 'src', 'main.js')], {
    cwd: projectRoot,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      BOT: bot,
      DIRECTLINE_SECRET: secret,
      DIRECTLINE_TOKEN_SECRET: 'bench-directline-token-key-0123456789abcdef',
      CHAT_TOKEN_RATE_LIMIT_PER_MINUTE: '100000',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 300; attempt++) {
    if (child.exitCode !== null) {
      throw new Error(`the service stopped during start-up (exit ${child.exitCode})`);
    }
    try {
      if ((await fetch(`${baseUrl}/health`)).ok) {
        return { child, baseUrl, dataDir, templates };
      }
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  child.kill('SIGKILL');
  throw new Error('the service did not answer /health within 30 s');
}

interface Conversation {
  id: string;
  token: string;
  watermark: string;
}

interface DirectLineAnswer {
  conversationId?: string;
  token?: string;
  id?: string;
  watermark?: string;
  activities?: Array<{ replyToId?: string; type: string }>;
}

async function call(url: string, token: string, body?: unknown): Promise<DirectLineAnswer> {
  const response = await fetch(url, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) {
    throw new Error(`HTTP ${response.status} for ${new URL(url).pathname}`);
  }
  return (await response.json()) as DirectLineAnswer;
}

/** One family: start, then message after message; returns the latency of each turn in ms. */
async function family(
  baseUrl: string,
  messages: FamilyMessage[],
  paced: boolean,
  latencies: number[],
  byMessage: number[][],
  timeline: Array<[number, number]>,
): Promise<number> {
  const domain = `${baseUrl}/v3/directline`;
  const started = await call(`${domain}/conversations`, secret, {});
  const conversation: Conversation = {
    id: String(started.conversationId),
    token: String(started.token),
    watermark: '',
  };
  const first = await call(`${domain}/conversations/${conversation.id}/activities`, conversation.token);
  conversation.watermark = first.watermark ?? '';
  let failures = 0;
  for (const [index, message] of messages.entries()) {
    if (paced) {
      await sleep((1000 + Math.random() * 2000) * waitScale);
    }
    const start = performance.now();
    try {
      const posted = await call(`${domain}/conversations/${conversation.id}/activities`, conversation.token, {
        type: 'message',
        from: { id: `family-${index}` },
        ...message,
      });
      // The reply is the bot's activity that answers ours; bounded polling in case it is not there yet.
      let seen = false;
      for (let poll = 0; poll < 200 && !seen; poll++) {
        const page = await call(
          `${domain}/conversations/${conversation.id}/activities?watermark=${conversation.watermark}`,
          conversation.token,
        );
        const activities = page.activities ?? [];
        conversation.watermark = page.watermark ?? conversation.watermark;
        seen = activities.some((activity) => activity.replyToId === posted.id && activity.type === 'message');
        if (!seen) {
          await sleep(5);
        }
      }
      if (!seen) {
        throw new Error('no reply');
      }
      const elapsed = performance.now() - start;
      latencies.push(elapsed);
      (byMessage[index] ??= []).push(elapsed);
      timeline.push([start, elapsed]);
    } catch {
      failures++;
    }
  }
  return failures;
}

async function phase(
  baseUrl: string,
  pid: number | undefined,
  messages: FamilyMessage[],
  paced: boolean,
): Promise<PhaseResult> {
  const latencies: number[] = [];
  const byMessage: number[][] = [];
  const timeline: Array<[number, number]> = [];
  const start = performance.now();
  const cpuBefore = mainThreadCpuSeconds(pid);
  const failures = await Promise.all(
    Array.from({ length: families }, () =>
      family(baseUrl, messages, paced, latencies, byMessage, timeline).catch(() => messages.length),
    ),
  );
  if (detail) {
    printTimeline(timeline, start);
  }
  const seconds = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  // Which messages are slow: the three with the highest median, so a slow turn (e.g. filling PDFs) shows.
  const slowest = byMessage
    .map((times, index) => ({
      index,
      median: quantile(
        [...times].sort((a, b) => a - b),
        0.5,
      ),
    }))
    .sort((a, b) => b.median - a.median)
    .slice(0, 3)
    .map(
      ({ index, median }) =>
        `#${index + 1} "${messages[index].text ?? messages[index].value?.action}" ${median.toFixed(0)} ms`,
    );
  return {
    slowest,
    turns: latencies.length,
    failures: failures.reduce((sum, count) => sum + count, 0),
    seconds,
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
    max: latencies[latencies.length - 1] ?? NaN,
    peakRssMb: peakRssMb(pid),
    mainThreadCpuSeconds: mainThreadCpuSeconds(pid) - cpuBefore,
    workersPeakRssMb: childrenPeakRssMb(pid),
  };
}

/** BENCH_DETAIL=1: p50/p99 per 10-second window of the run, to see when slow turns happen. */
function printTimeline(timeline: Array<[number, number]>, start: number): void {
  const windows = new Map<number, number[]>();
  for (const [at, elapsed] of timeline) {
    const window = Math.floor((at - start) / 10_000);
    (windows.get(window) ?? windows.set(window, []).get(window)!).push(elapsed);
  }
  for (const [window, values] of [...windows.entries()].sort((a, b) => a[0] - b[0])) {
    values.sort((a, b) => a - b);
    console.log(
      `  ${String(window * 10).padStart(4)}-${String(window * 10 + 10).padEnd(4)} s: ${String(values.length).padStart(5)} turns  p50 ${quantile(values, 0.5).toFixed(1).padStart(6)} ms  p99 ${quantile(values, 0.99).toFixed(1).padStart(6)} ms`,
    );
  }
}

function messagesFor(bot: BotMode): FamilyMessage[] {
  if (bot === 'echo') {
    return Array.from({ length: echoTurns }, (_, index) => ({
      text: `Nachricht ${index + 1} von Familie Yılmaz`,
    }));
  }
  return kindergeldConversation();
}

function line(label: string, result: PhaseResult): string {
  return (
    `${label.padEnd(26)} turns ${String(result.turns).padStart(6)}  failed ${String(result.failures).padStart(4)}  p50 ${result.p50.toFixed(1).padStart(6)} ms  p99 ${result.p99.toFixed(1).padStart(6)} ms  max ${result.max.toFixed(0).padStart(5)} ms  ${(result.turns / result.seconds).toFixed(0).padStart(6)} turns/s  peak RSS ${result.peakRssMb} MB` +
    (result.workersPeakRssMb ? ` (+ ${result.workersPeakRssMb} MB PDF workers)` : '') +
    `  main thread CPU ${result.mainThreadCpuSeconds.toFixed(1)} s (${((1000 * result.mainThreadCpuSeconds) / result.turns).toFixed(2)} ms/turn)`
  );
}

async function main(): Promise<void> {
  console.log(
    `Conversation benchmark: ${families} families, wait 1-3 s x ${waitScale}, SQLite, Node ${process.version}`,
  );
  const results = new Map<BotMode, { paced: PhaseResult; max?: PhaseResult }>();
  for (const bot of bots) {
    let service: Awaited<ReturnType<typeof startService>> | undefined;
    try {
      service = await startService(bot);
      const health = await fetch(`${service.baseUrl}/v3/directline/conversations`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${secret}` },
      });
      if (!health.ok) {
        throw new Error(`Direct Line answered ${health.status}`);
      }
      const messages = messagesFor(bot);
      if (bot === 'antragslotse') {
        console.log(
          service.templates > 0
            ? `submissions fill the official PDFs (${service.templates} templates from ${officialFormsDir})`
            : `official PDFs not found in ${officialFormsDir}: submissions render the answer summary`,
        );
      }
      const paced = await phase(service.baseUrl, service.child.pid, messages, true);
      console.log(line(`${bot} paced (${messages.length} msgs)`, paced));
      console.log(`  slowest messages (median): ${paced.slowest.join(', ')}`);
      const max = withoutWaiting
        ? await phase(service.baseUrl, service.child.pid, messages, false)
        : undefined;
      if (max) {
        console.log(line(`${bot} no waiting`, max));
      }
      results.set(bot, { paced, max });
    } catch (error) {
      console.log(`${bot}: not available (${error instanceof Error ? error.message : String(error)})`);
    } finally {
      service?.child.kill('SIGTERM');
      await sleep(300);
      if (service && service.child.exitCode === null) {
        service.child.kill('SIGKILL');
      }
      if (service) {
        rmSync(service.dataDir, { recursive: true, force: true });
      }
    }
  }
  const echo = results.get('echo');
  const real = results.get('antragslotse');
  if (real) {
    const p99 = real.paced.p99;
    console.log(
      `target p99 <= ${targets.p99Ms} ms: ${p99 <= targets.p99Ms ? 'met' : 'MISSED'} (${p99.toFixed(1)} ms)`,
    );
    if (echo) {
      const ratio = p99 / echo.paced.p99;
      console.log(
        `target p99 <= ${targets.ratioToEcho} x echo floor: ${ratio <= targets.ratioToEcho ? 'met' : 'MISSED'} (${ratio.toFixed(2)} x)`,
      );
    }
  } else if (echo) {
    console.log(`echo floor p99 ${echo.paced.p99.toFixed(1)} ms (the Kindergeld bot was not measured)`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
