#!/usr/bin/env node
import { HelpdeskAgent } from './agent.js';
import { configPath, loadConfig, saveConfig } from './config-store.js';
import { ServerError } from './connection.js';
import { enroll } from './http.js';
import { Terminal } from './terminal.js';

const USAGE = `switchboard-agent: chat with your IT technicians.

Usage:
  switchboard-agent enroll <server-url> <code>   connect this computer (code from your administrator)
  switchboard-agent start                       stay connected and answer technicians' chat requests
  switchboard-agent chat                        ask for a technician now
Inside a chat: type messages; /send <file> sends a file; /save <n> saves a received file; /end; /quit.

Options: --events prints machine-readable "@event {json}" lines too (also SWITCHBOARD_AGENT_EVENTS=1).
The device token is kept in ${configPath()} (SWITCHBOARD_AGENT_CONFIG_DIR overrides the directory).`;

async function main(argv: string[]): Promise<number> {
  const events = argv.includes('--events') || process.env.SWITCHBOARD_AGENT_EVENTS === '1';
  const args = argv.filter((a) => a !== '--events');
  const [command, ...rest] = args;
  const term = new Terminal(events);
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

void main(process.argv.slice(2)).then((code) => {
  // Let stdout drain (pipes are asynchronous), then make sure nothing keeps the process alive.
  process.exitCode = code;
  setTimeout(() => process.exit(code), 1000).unref();
});
