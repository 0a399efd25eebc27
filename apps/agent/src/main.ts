#!/usr/bin/env node
import { Readable } from 'node:stream';
import { HelpdeskAgent } from './agent.js';
import { configPath, loadConfig, saveConfig } from './config-store.js';
import { ServerError } from './connection.js';
import { enroll } from './http.js';
import { Terminal } from './terminal.js';
import { runDesktop } from './desktop/desktop-mode.js';
import { inSingleExecutable } from './desktop/page-assets.js';
import { VERSION } from './version.js';

const USAGE = `switchboard-agent: chat with your IT technicians.

Usage:
  switchboard-agent enroll <server-url> <code>   connect this computer (code from your administrator)
  switchboard-agent start                       stay connected and answer technicians' chat requests
  switchboard-agent chat                        ask for a technician now
  switchboard-agent desktop                     the desktop agent: tray icon and chat window (also: start --desktop)
  switchboard-agent --version                   print the version
Inside a chat: type messages; /send <file> sends a file; /save <n> saves a received file; /end; /quit.

Options: --events prints machine-readable "@event {json}" lines too (also SWITCHBOARD_AGENT_EVENTS=1).
Desktop: --lang en|fr (also SWITCHBOARD_AGENT_LANG; default: the system's language), --no-tray,
  --no-open (do not open the window; its address is printed), --port <n> (default: a free port).
The device token is kept in ${configPath()} (SWITCHBOARD_AGENT_CONFIG_DIR overrides the directory).`;

async function main(argv: string[]): Promise<number> {
  const events = argv.includes('--events') || process.env.SWITCHBOARD_AGENT_EVENTS === '1';
  const args = argv.filter((a) => a !== '--events');
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
        term.say(
          'Usage: switchboard-agent enroll <server-url> <code>   (e.g. enroll http://localhost:3000 K7QM-3XZP-9WRT)',
        );
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
      term.say(`Enrolled as ${result.device.name}. Settings saved in ${path}. Run "switchboard-agent start".`);
      term.event('enrolled', { deviceId: result.device.id, name: result.device.name });
      return 0;
    }
    if (command === 'desktop') {
      const config = loadConfig();
      if (!config) {
        term.say('This computer is not enrolled yet: run "switchboard-agent enroll <server-url> <code>" first.');
        return 78;
      }
      return await runDesktop(config, term, rest);
    }
    if (command === 'start' || command === 'chat') {
      const config = loadConfig();
      if (!config) {
        term.say('This computer is not enrolled yet: run "switchboard-agent enroll <server-url> <code>" first.');
        return 78;
      }
      return await new HelpdeskAgent(config, term, command).run();
    }
    term.say(USAGE);
    return command === undefined || command === 'help' || command === '--help' ? 0 : 64;
  } catch (error) {
    const e = error as ServerError;
    term.say(`Error: ${e.message}`);
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
