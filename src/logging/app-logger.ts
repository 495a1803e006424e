import { LoggerService, LogLevel } from '@nestjs/common';
import { redact, redactText } from './redact.util';

const order: LogLevel[] = ['error', 'warn', 'log', 'debug', 'verbose'];

/**
 * Structured logger: one JSON object per line (or a short text line for local reading),
 * with personal data redacted from messages and context objects.
 */
export class AppLogger implements LoggerService {
  private readonly enabled: Set<LogLevel>;

  constructor(
    level: LogLevel = 'log',
    private readonly format: 'json' | 'text' = 'json',
    private readonly write: (line: string, level: LogLevel) => void = defaultWrite,
  ) {
    this.enabled = new Set(order.slice(0, order.indexOf(level) + 1));
  }

  log(message: unknown, ...rest: unknown[]): void {
    this.emit('log', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.emit('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.emit('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.emit('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.emit('verbose', message, rest);
  }

  private emit(level: LogLevel, message: unknown, rest: unknown[]): void {
    if (!this.enabled.has(level)) {
      return;
    }
    // Nest passes the context (class name) as the last string argument, and for errors the stack before it.
    const context = typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    const stack = level === 'error' && typeof rest[0] === 'string' ? (rest.shift() as string) : undefined;
    const entry: Record<string, unknown> = {
      time: new Date().toISOString(),
      level,
      context,
      ...(typeof message === 'object' && message !== null && !(message instanceof Error)
        ? (redact(message) as Record<string, unknown>)
        : { message: message instanceof Error ? redact(message) : redactText(String(message)) }),
    };
    if (stack) {
      entry.stack = redactText(stack);
    }
    if (rest.length > 0) {
      entry.details = redact(rest);
    }
    const line =
      this.format === 'json'
        ? JSON.stringify(entry)
        : `${entry.time as string} ${level.toUpperCase()} [${context ?? '-'}] ${
            typeof entry.message === 'string' ? entry.message : JSON.stringify(entry.message ?? entry)
          }${stack ? `\n${entry.stack as string}` : ''}`;
    this.write(line, level);
  }
}

function defaultWrite(line: string, level: LogLevel): void {
  (level === 'error' || level === 'warn' ? process.stderr : process.stdout).write(`${line}\n`);
}
