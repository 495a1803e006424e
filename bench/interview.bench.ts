// Turns per second of the pure interview engine: one family (two children) answers the whole KG 1
// interview from the transcript test/transcripts/kg1-two-children.yaml, repeated; prints the median of 7 runs.
import { performance } from 'node:perf_hooks';
import { kindergeldApplication } from '../test/support/kindergeld-application';
import { readTranscript, transcriptFiles } from '../test/transcripts/transcript-runner';
import { handleInput, InterviewState, startInterview, UserInput } from '../src/interview';

void (async () => {
  const application = await kindergeldApplication();
  const transcript = readTranscript(
    transcriptFiles().find((file) => file.endsWith('kg1-two-children.yaml'))!,
  );
  const inputs: UserInput[] = transcript.steps.flatMap((step): UserInput[] =>
    step.user !== undefined
      ? [{ type: 'text' as const, text: step.user }]
      : step.action
        ? [{ type: 'action' as const, ...step.action }]
        : [],
  );
  const options = { today: transcript.today, now: `${transcript.today}T10:00:00.000Z` };
  const sessions = 50;
  const rates: number[] = [];
  for (let run = 0; run < 7; run += 1) {
    const started = performance.now();
    for (let session = 0; session < sessions; session += 1) {
      let result = startInterview(application, { locale: 'de', ...options });
      for (const input of inputs) {
        result = handleInput(
          application,
          JSON.parse(JSON.stringify(result.state)) as InterviewState,
          input,
          options,
        );
      }
    }
    rates.push((sessions * inputs.length) / ((performance.now() - started) / 1000));
  }
  rates.sort((a, b) => a - b);
  console.log(
    `interview engine: ${inputs.length} turns per session, median ${Math.round(rates[3])} turns/s (state JSON round trip included), min ${Math.round(rates[0])}, max ${Math.round(rates[6])}`,
  );
})();
