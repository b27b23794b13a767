import { currentTrace } from './trace.js';

type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/**
 * JSON lines on stdout, each with the service name and the trace id of the request or event being handled.
 * Also usable as a Nest LoggerService.
 */
export class JsonLogger {
  constructor(
    readonly service: string,
    private readonly level: Level = (process.env.LOG_LEVEL as Level) ?? 'info',
    private readonly write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
  ) {}

  private emit(level: Level, message: unknown, fields: Record<string, unknown> = {}): void {
    if (ORDER[level] < ORDER[this.level]) return;
    const trace = currentTrace();
    const line: Record<string, unknown> = {
      time: new Date().toISOString(),
      level,
      service: this.service,
      msg: message instanceof Error ? message.message : String(message),
      ...(trace ? { traceId: trace.traceId } : {}),
      ...fields,
    };
    if (message instanceof Error && message.stack && level === 'error') line.stack = message.stack;
    this.write(JSON.stringify(line));
  }

  debug(msg: unknown, fields?: Record<string, unknown>) { this.emit('debug', msg, fields); }
  info(msg: unknown, fields?: Record<string, unknown>) { this.emit('info', msg, fields); }
  warn(msg: unknown, fields?: Record<string, unknown>) { this.emit('warn', msg, fields); }
  error(msg: unknown, fields?: Record<string, unknown>) { this.emit('error', msg, fields); }

  // Nest LoggerService
  log(message: unknown, context?: string) { this.emit('info', message, context ? { context } : {}); }
  verbose(message: unknown, context?: string) { this.emit('debug', message, context ? { context } : {}); }
  fatal(message: unknown, context?: string) { this.emit('error', message, context ? { context } : {}); }
}
