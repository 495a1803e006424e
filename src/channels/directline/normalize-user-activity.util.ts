import type { Activity } from 'botbuilder';
import { botAccount } from '../bot/bot-handler.types';
import { ChannelError } from '../channels.errors';
import { DirectLineCaller } from './directline-token.service';

// What a client may set; everything else (id, timestamp, conversation, recipient…) is the service's.
const clientFields = [
  'type',
  'text',
  'textFormat',
  'locale',
  'attachments',
  'attachmentLayout',
  'channelData',
  'value',
  'valueType',
  'name',
  'entities',
  'speak',
  'inputHint',
  'summary',
  'replyToId',
] as const;

/** Turns what a Direct Line client posted into the activity the log stores and the bot sees. */
export function normalizeUserActivity(
  body: unknown,
  caller: DirectLineCaller,
  conversationId: string,
  serviceUrl: string,
): Partial<Activity> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ChannelError('DIRECTLINE_ACTIVITY_INVALID', 'Die Nachricht fehlt. / The activity is missing.');
  }
  const input = body as Record<string, unknown>;
  if (typeof input.type !== 'string' || input.type.length === 0 || input.type.length > 64) {
    throw new ChannelError(
      'DIRECTLINE_ACTIVITY_INVALID',
      'Die Nachricht hat keinen Typ. / The activity needs a type.',
    );
  }
  if (input.text !== undefined && typeof input.text !== 'string') {
    throw new ChannelError(
      'DIRECTLINE_ACTIVITY_INVALID',
      'Der Text muss eine Zeichenkette sein. / text must be a string.',
    );
  }
  const activity: Record<string, unknown> = {};
  for (const field of clientFields) {
    if (input[field] !== undefined) {
      activity[field] = input[field];
    }
  }
  const from = (typeof input.from === 'object' && input.from !== null ? input.from : {}) as Record<
    string,
    unknown
  >;
  // A token that names a user speaks only as that user.
  const userId =
    caller.kind === 'token' && caller.userId ? caller.userId : typeof from.id === 'string' ? from.id : 'user';
  return {
    ...(activity as Partial<Activity>),
    channelId: 'directline',
    serviceUrl,
    conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
    from: {
      id: userId.slice(0, 120),
      name: typeof from.name === 'string' ? from.name.slice(0, 120) : '',
      role: 'user',
    },
    recipient: { ...botAccount },
  };
}
