#!/usr/bin/env node
import { Readable } from 'node:stream';
import { HelpdeskAgent } from './agent.js';
import { configPath, loadConfig, saveConfig } from './config-store.js';
import { ServerError } from './connection.js';
import { enroll } from './http.js';
import { Terminal } from './terminal.js';
import { runDesktop } from './desktop/desktop-mode.js';
import { inSingleExecutable } from './desktop/page-assets.js';
import { errorText, LanguageError, pickLanguage, text, withoutLanguageFlag, type Lang } from './i18n/agent-texts.js';
import { VERSION } from './version.js';

async function main(argv: string[]): Promise<number> {
  const events = argv.includes('--events') || process.env.SWITCHBOARD_AGENT_EVENTS === '1';
  let lang: Lang;
  try {
    lang = pickLanguage(argv);
  } catch (error) {
    if (!(error instanceof LanguageError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 64;
  }
  const args = withoutLanguageFlag(argv.filter((a) => a !== '--events'));
  const [first, ...rest] = args;
  let command = first;
  if (command === '--version' || command === '-v') {
    process.stdout.write(`switchboard-agent ${VERSION}\n`);
    return 0;
  }
  if (command === 'start' && rest.includes('--desktop')) command = 'desktop';
  // The single executable started without arguments (a double click, a login item): the desktop agent.
  if (command === undefined && inSingleExecutable() && loadConfig()) command = 'desktop';
  const term = new Terminal(events, command === 'desktop' ? emptyInput() : process.stdin);
  try {
    if (command === 'enroll') {
      const [serverUrl, code] = rest;
      if (!serverUrl || !code || !/^https?:\/\//.test(serverUrl)) {
        term.say(text(lang, 'enrollUsage'));
        return 64;
      }
      const result = await enroll(serverUrl, code);
      const path = saveConfig({
        serverUrl: serverUrl.replace(/\/+$/, ''),
        token: result.token,
        deviceId: result.device.id,
        deviceName: result.device.name,
        enrolledAt: new Date().toISOString(),
      });
      term.say(text(lang, 'enrolled', { device: result.device.name, path }));
      term.event('enrolled', { deviceId: result.device.id, name: result.device.name });
      return 0;
    }
    if (command === 'desktop') {
      const config = loadConfig();
      if (!config) {
        term.say(text(lang, 'notEnrolled'));
        return 78;
      }
      return await runDesktop(config, term, rest, lang);
    }
    if (command === 'start' || command === 'chat') {
      const config = loadConfig();
      if (!config) {
        term.say(text(lang, 'notEnrolled'));
        return 78;
      }
      return await new HelpdeskAgent(config, term, command, lang).run();
    }
    term.say(text(lang, 'usage', { configPath: configPath() }));
    return command === undefined || command === 'help' || command === '--help' ? 0 : 64;
  } catch (error) {
    const e = error as ServerError;
    term.say(text(lang, 'error', { message: errorText(lang, e) }));
    term.event('error', { code: e.code ?? 'ERROR', message: e.message });
    return 1;
  } finally {
    term.close();
  }
}

/** The desktop agent takes no typed input (it may have no console at all). */
function emptyInput(): NodeJS.ReadableStream {
  return Readable.from([]);
}

void main(process.argv.slice(2)).then((code) => {
  // Let stdout drain (pipes are asynchronous), then make sure nothing keeps the process alive.
  process.exitCode = code;
  setTimeout(() => process.exit(code), 1000).unref();
});
