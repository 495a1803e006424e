import { ActivityHandler, MessageFactory } from 'botbuilder';

/**
 * The simplest bot on the same stack: repeats what it gets. Used by the channel tests and as the
 * floor of the conversation benchmark (BOT=echo), and when no real bot is bound.
 */
export class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMembersAdded(async (context, next) => {
      const newcomers = (context.activity.membersAdded ?? []).filter(
        (member) => member.id !== context.activity.recipient?.id,
      );
      if (newcomers.length > 0) {
        await context.sendActivity(
          'Hallo! Ich wiederhole, was Sie schreiben. / Hello! I repeat what you write.',
        );
      }
      await next();
    });
    this.onMessage(async (context, next) => {
      const files = context.activity.attachments ?? [];
      if (files.length > 0) {
        const names = files.map((file) => file.name ?? 'Datei').join(', ');
        await context.sendActivity(`Datei erhalten: ${names} / File received: ${names}`);
      } else {
        await context.sendActivity(MessageFactory.text(`Echo: ${context.activity.text ?? ''}`));
      }
      await next();
    });
  }
}
