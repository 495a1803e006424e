import assert from 'node:assert/strict';
import type { Activity, DirectLine } from 'botframework-directlinejs';
import { createDirectLineClient } from '../channels/directline-js-client';
import { Transcript } from '../transcripts/transcript.types';

/** A family in the chat: botframework-directlinejs over the WebSocket, as a browser page would use it. */
export class DirectLineFamily {
  readonly received: Activity[] = [];
  private readonly subscription: { unsubscribe(): void };

  private constructor(
    private readonly client: DirectLine,
    readonly userId: string,
    readonly conversationId: string,
  ) {
    this.subscription = client.activity$.subscribe((activity) => this.received.push(activity));
  }

  /** Starts a conversation with a token from the secret, optionally for a team's chat page. */
  static async start(domain: string, secret: string, userId: string): Promise<DirectLineFamily> {
    const started = await fetch(`${domain}/tokens/generate`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ user: { id: userId } }),
    });
    const { token, conversationId } = (await started.json()) as { token: string; conversationId: string };
    return new DirectLineFamily(createDirectLineClient({ domain, token }), userId, conversationId);
  }

  /** Texts from the bot since activity number `since`, joined by newlines. */
  botTextsSince(since: number): string {
    return this.received
      .slice(since)
      .filter((activity) => activity.from.id !== this.userId)
      .map((activity) => (activity as { text?: string }).text ?? '')
      .join('\n');
  }

  async waitForBot(since: number, says: string[], what: string, timeoutMs = 15000): Promise<void> {
    for (let waited = 0; waited < timeoutMs; waited += 20) {
      const texts = this.botTextsSince(since);
      if (says.every((part) => texts.includes(part))) {
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    assert.fail(`${what}: expected ${JSON.stringify(says)}, got:\n${this.botTextsSince(since)}`);
  }

  async send(
    message: { text?: string; value?: unknown },
    channelData?: Record<string, unknown>,
  ): Promise<void> {
    await new Promise((resolve, reject) =>
      this.client
        .postActivity({
          type: 'message',
          from: { id: this.userId },
          ...message,
          ...(channelData ? { channelData } : {}),
        } as Activity)
        .subscribe(resolve, reject),
    );
  }

  /** Plays the family's side of a transcript and checks every answer of the bot. */
  async play(transcript: Transcript, channelData?: Record<string, unknown>): Promise<void> {
    await this.waitForBot(0, transcript.steps[0].bot?.says ?? [], 'greeting');
    for (const [index, step] of transcript.steps.entries()) {
      if (index === 0 || (step.user === undefined && !step.action)) {
        continue;
      }
      const since = this.received.length;
      await this.send(step.user !== undefined ? { text: step.user } : { value: step.action }, channelData);
      await this.waitForBot(since, step.bot?.says ?? [], `step ${index}`);
    }
  }

  end(): void {
    this.subscription.unsubscribe();
    this.client.end();
  }
}
