import { Writable } from 'node:stream';
import { chooseLogFormat, createRootLogger } from './log-destination.js';

/** A stdout stand-in that records what is written; `isTTY` as a terminal (or a pipe) would set it. */
function fakeStdout(isTTY: boolean) {
  const chunks: string[] = [];
  const out = new Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      done();
    },
  }) as Writable & { isTTY?: boolean };
  if (isTTY) out.isTTY = true;
  return { out: out as unknown as NodeJS.WriteStream, text: () => chunks.join('') };
}

describe('log format: readable on a terminal, JSON otherwise', () => {
  it('picks pretty for a TTY and JSON for a pipe or file', () => {
    expect(chooseLogFormat({ isTTY: true }, {})).toBe('pretty');
    expect(chooseLogFormat({ isTTY: false }, {})).toBe('json');
    expect(chooseLogFormat({}, {})).toBe('json');
  });

  it('SWITCHBOARD_LOG_FORMAT overrides the guess both ways; junk is ignored', () => {
    expect(chooseLogFormat({ isTTY: true }, { SWITCHBOARD_LOG_FORMAT: 'json' })).toBe('json');
    expect(chooseLogFormat({ isTTY: false }, { SWITCHBOARD_LOG_FORMAT: ' Pretty ' })).toBe('pretty');
    expect(chooseLogFormat({ isTTY: true }, { SWITCHBOARD_LOG_FORMAT: 'xml' })).toBe('pretty');
  });

  it('writes readable lines (level, [context] message) to a terminal, without JSON', () => {
    const { out, text } = fakeStdout(true);
    createRootLogger('info', out, { NO_COLOR: '1' }).info({ context: 'Cases' }, 'case opened');
    const line = text().trim();
    expect(line).toMatch(/INFO.*\[Cases\] case opened$/);
    expect(line).not.toContain('{');
    expect(line).not.toContain('\u001b['); // NO_COLOR: no escape codes
  });

  it('writes one JSON object per line when stdout is not a terminal', () => {
    const { out, text } = fakeStdout(false);
    const logger = createRootLogger('info', out, {});
    logger.info({ context: 'Cases' }, 'case opened');
    logger.debug('below the level');
    const lines = text().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({ level: 30, context: 'Cases', msg: 'case opened' });
  });

  it('keeps redacting credentials in readable lines', () => {
    const { out, text } = fakeStdout(true);
    createRootLogger('info', out, { NO_COLOR: '1' }).info({ headers: { authorization: 'Bearer s3cret' } }, 'hdr');
    expect(text()).not.toContain('s3cret');
    expect(text()).toContain('[redacted]');
  });
});
