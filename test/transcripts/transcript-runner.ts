import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { LoadedApplication } from '../../src/forms/loading/loaded-definitions.types';
import { answerAt } from '../../src/interview/flow.util';
import {
  EngineResult,
  handleInput,
  offerProposals,
  parseAnswerPath,
  startInterview,
  UserInput,
} from '../../src/interview';
import { BotExpectation, Transcript } from './transcript.types';

/** The transcript files in test/transcripts (source folder, also when running from dist/). */
export function transcriptFiles(): string[] {
  const folder = resolve(__dirname, '..', '..', '..', 'test', 'transcripts');
  return readdirSync(folder)
    .filter((file) => file.endsWith('.yaml'))
    .sort()
    .map((file) => join(folder, file));
}

export function readTranscript(file: string): Transcript {
  return parse(readFileSync(file, 'utf8')) as Transcript;
}

/** The transcript of that file name, e.g. 'kg1-two-children.yaml' (the full KG 1 most tests replay). */
export function transcriptNamed(name: string): Transcript {
  const file = transcriptFiles().find((candidate) => candidate.endsWith(`/${name}`));
  if (!file) {
    throw new Error(`No transcript ${name} in test/transcripts.`);
  }
  return readTranscript(file);
}

/** Replays a transcript against the engine; throws naming the step when the bot says something else. */
export function replayTranscript(application: LoadedApplication, transcript: Transcript): EngineResult {
  const options = { today: transcript.today, now: `${transcript.today}T10:00:00.000Z` };
  let result = startInterview(application, { locale: transcript.locale, ...options });
  transcript.steps.forEach((step, index) => {
    const input: UserInput | null =
      step.user !== undefined
        ? { type: 'text', text: step.user }
        : step.action
          ? { type: 'action', ...step.action }
          : null;
    if (step.letter) {
      result = offerProposals(application, result.state, step.letter, options);
    }
    if (input !== null) {
      result = handleInput(application, result.state, input, options);
    } else if (index > 0 && !step.letter) {
      throw new Error(`step ${index + 1}: neither user, action nor letter`);
    }
    if (step.bot) {
      check(
        result,
        step.bot,
        `${transcript.title}, step ${index + 1} (${step.user ?? JSON.stringify(step.action ?? (step.letter ? 'letter' : 'start'))})`,
      );
    }
  });
  return result;
}

function check(result: EngineResult, expected: BotExpectation, where: string): void {
  const texts = result.messages.map((message) => message.text);
  const said = texts.join('\n---\n');
  const fail = (what: string) => {
    throw new Error(
      `${where}: ${what}\nBot said:\n${said}\nButtons: ${buttons.join(' | ')}\nEvents: ${result.events.map((event) => event.type).join(', ')}`,
    );
  };
  const buttons = result.messages.flatMap(
    (message) => message.suggestions?.map((suggestion) => suggestion.title) ?? [],
  );
  for (const part of expected.says ?? []) {
    if (!texts.some((text) => text.includes(part))) {
      fail(`expected "${part}"`);
    }
  }
  for (const part of expected.notSays ?? []) {
    if (texts.some((text) => text.includes(part))) {
      fail(`did not expect "${part}"`);
    }
  }
  for (const title of expected.buttons ?? []) {
    if (!buttons.includes(title)) {
      fail(`expected button "${title}"`);
    }
  }
  for (const type of expected.events ?? []) {
    if (!result.events.some((event) => event.type === type)) {
      fail(`expected event ${type}`);
    }
  }
  for (const [path, value] of Object.entries(expected.answers ?? {})) {
    const target = parseAnswerPath(path);
    const actual =
      target &&
      answerAt(result.state.answers, { questionId: target.questionId, item: target.item }, target.repeatId);
    if ((actual ?? null) !== value) {
      fail(`expected answer ${path} = ${JSON.stringify(value)}, state has ${JSON.stringify(actual)}`);
    }
  }
  for (const [path, wanted] of Object.entries(expected.provenance ?? {})) {
    const actual = result.state.provenance[path] as unknown as Record<string, unknown> | undefined;
    for (const [key, value] of Object.entries(wanted)) {
      if (JSON.stringify(actual?.[key]) !== JSON.stringify(value)) {
        fail(
          `expected provenance ${path}.${key} = ${JSON.stringify(value)}, state has ${JSON.stringify(actual)}`,
        );
      }
    }
  }
  const summary = result.messages
    .flatMap((message) => message.summary ?? [])
    .flatMap((group) => [group.title, ...group.items.map((item) => `${item.label}: ${item.value}`)])
    .join('\n');
  for (const part of expected.summaryHas ?? []) {
    if (!summary.includes(part)) {
      fail(`expected "${part}" in the summary:\n${summary}`);
    }
  }
  for (const part of expected.summaryLacks ?? []) {
    if (summary.includes(part)) {
      fail(`did not expect "${part}" in the summary:\n${summary}`);
    }
  }
  if (expected.direction && result.messages.some((message) => message.direction !== expected.direction)) {
    fail(`expected direction ${expected.direction}`);
  }
  if (expected.progress) {
    const progress = [...result.messages].reverse().find((message) => message.progress)?.progress;
    if (!progress) {
      fail('expected a progress hint');
    }
    if (expected.progress.current !== undefined && progress?.current !== expected.progress.current) {
      fail(`expected progress ${expected.progress.current}, got ${progress?.current}`);
    }
    if (expected.progress.total !== undefined && progress?.total !== expected.progress.total) {
      fail(`expected total ${expected.progress.total}, got ${progress?.total}`);
    }
  }
}
