import { createRequire } from 'node:module';
import { pino, type DestinationStream, type Logger } from 'pino';
import { rootLogOptions } from './logging.options.js';

export type LogFormat = 'pretty' | 'json';

/**
 * Readable lines for a person at a terminal, JSON lines for everything else (log shippers, pipes,
 * files, tests). SWITCHBOARD_LOG_FORMAT=pretty|json overrides the guess.
 */
export function chooseLogFormat(out: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): LogFormat {
  const forced = env.SWITCHBOARD_LOG_FORMAT?.trim().toLowerCase();
  if (forced === 'pretty' || forced === 'json') return forced;
  return out.isTTY ? 'pretty' : 'json';
}

// pino-pretty (the pino project's own prettifier) is loaded only for a terminal, so servers that
// log JSON never load it. Synchronous stream, no worker thread: lines keep their order with
// process.stdout writes (the demo logins block) and nothing is lost on exit.
const load = createRequire(__filename);

/** A stream that turns pino's JSON lines into readable ones, or null when pino-pretty is missing. */
export function prettyStream(destination: NodeJS.WritableStream, colorize: boolean): DestinationStream | null {
  let factory: (options: Record<string, unknown>) => DestinationStream;
  try {
    factory = load('pino-pretty') as typeof factory;
  } catch {
    return null;
  }
  return factory({
    destination,
    sync: true,
    colorize,
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'pid,hostname,context',
    messageFormat: '{if context}[{context}] {end}{msg}',
  });
}

/** The root pino logger for this process: pretty on a terminal, JSON otherwise. */
export function createRootLogger(
  level: string,
  out: NodeJS.WriteStream = process.stdout,
  env: NodeJS.ProcessEnv = process.env,
): Logger {
  if (chooseLogFormat(out, env) === 'pretty') {
    const stream = prettyStream(out, !!out.isTTY && !env.NO_COLOR);
    if (stream) return pino(rootLogOptions(level), stream);
  }
  // pino's own fast stdout writer unless told to write elsewhere.
  return out === process.stdout ? pino(rootLogOptions(level)) : pino(rootLogOptions(level), out);
}
