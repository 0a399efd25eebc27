import { Logger } from '@nestjs/common';
import { pino } from 'pino';
import { Writable } from 'node:stream';
import { AppLogger } from './app-logger.service.js';

function capture(level = 'info') {
  const lines: Array<Record<string, any>> = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { lines, logger: new AppLogger(pino({ level }, stream)) };
}

describe('AppLogger (Nest LoggerService on pino)', () => {
  afterEach(() => Logger.overrideLogger(false));

  it('writes a named Nest Logger as JSON with its context', () => {
    const { lines, logger } = capture();
    Logger.overrideLogger(logger);
    new Logger('Cases').log('case opened');
    new Logger('Cases').warn('slow');
    expect(lines).toEqual([
      expect.objectContaining({ level: 30, context: 'Cases', msg: 'case opened' }),
      expect.objectContaining({ level: 40, context: 'Cases', msg: 'slow' }),
    ]);
  });

  it('merges an object first argument and serialises errors', () => {
    const { lines, logger } = capture();
    Logger.overrideLogger(logger);
    new Logger('Mail').error({ err: new Error('smtp down'), ticket: 42 }, 'Sending failed');
    expect(lines[0]).toMatchObject({
      level: 50,
      context: 'Mail',
      ticket: 42,
      msg: 'Sending failed',
      err: { message: 'smtp down', type: 'Error' },
    });
    logger.error(new Error('plain'), 'Ctx');
    expect(lines[1]).toMatchObject({ context: 'Ctx', err: { message: 'plain' } });
  });

  it("keeps the stack of Nest's exception handlers (message, stack, context)", () => {
    const { lines, logger } = capture();
    logger.error('boom', 'Error: boom\n    at somewhere (file.ts:1:1)', 'ExceptionsHandler');
    expect(lines[0]).toMatchObject({
      context: 'ExceptionsHandler',
      err: { message: 'boom', stack: expect.stringContaining('at somewhere') },
    });
  });

  it('skips levels below the configured one', () => {
    const { lines, logger } = capture('warn');
    logger.log('hidden', 'X');
    logger.debug('hidden', 'X');
    logger.verbose('hidden', 'X');
    logger.warn('shown', 'X');
    expect(lines.map((l) => l.msg)).toEqual(['shown']);
  });

  it("demotes Nest's start-up chatter (modules, routes, gateways) to debug; our own info stays", () => {
    const { lines, logger } = capture();
    Logger.overrideLogger(logger);
    new Logger('InstanceLoader').log('CasesModule dependencies initialized');
    new Logger('RouterExplorer').log('Mapped {/api/cases, GET} route');
    new Logger('RoutesResolver').log('CasesController {/api/cases}:');
    new Logger('WebSocketsController').log('AgentGateway subscribed to the "x" message');
    new Logger('NestApplication').log('Nest application successfully started');
    new Logger('RouterExplorer').warn('a real warning');
    new Logger('Bootstrap').log('Switchboard listening');
    expect(lines.map((l) => [l.level, l.context])).toEqual([
      [40, 'RouterExplorer'],
      [30, 'Bootstrap'],
    ]);
    const verbose = capture('debug');
    Logger.overrideLogger(verbose.logger);
    new Logger('RouterExplorer').log('Mapped {/api/cases, GET} route');
    expect(verbose.lines).toEqual([expect.objectContaining({ level: 20, context: 'RouterExplorer' })]);
  });
});
