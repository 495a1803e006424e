import { describe, it } from 'node:test';
import { basename } from 'node:path';
import { kindergeldApplication } from '../../test/support/kindergeld-application';
import { readTranscript, replayTranscript, transcriptFiles } from '../../test/transcripts/transcript-runner';

// Every conversation in test/transcripts, replayed against the engine with the real Kindergeld definitions.
describe('interview transcripts', () => {
  for (const file of transcriptFiles()) {
    it(basename(file, '.yaml'), async () => {
      replayTranscript(await kindergeldApplication(), readTranscript(file));
    });
  }
});
