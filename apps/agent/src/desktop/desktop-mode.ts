import { configDir, type AgentConfig } from '../config-store.js';
import type { Terminal } from '../terminal.js';
import { text, type Lang } from '../i18n/agent-texts.js';
import { DesktopSession } from './desktop-session.js';
import { LocalServer } from './local-server.js';
import { openWindow } from './open-window.js';
import { startTray, trayUnavailable, type TrayChoice } from './tray.js';

function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  if (i >= 0) return argv[i + 1];
  return argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

/**
 * `switchboard-agent desktop`: the helpdesk agent for end users. Stays connected like `start`;
 * its chat window is a page the agent serves on 127.0.0.1 (opened in the default browser, or as
 * an app window), and a tray / menu-bar icon offers Start chat where the desktop has one. A
 * technician's request opens the window when none is open, with the Approve/Decline pop-up.
 */
export async function runDesktop(config: AgentConfig, term: Terminal, argv: string[], lang: Lang): Promise<number> {
  const noOpen = argv.includes('--no-open') || process.env.SWITCHBOARD_AGENT_NO_OPEN === '1';
  const port = Number(option(argv, '--port') ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    term.say(text(lang, 'badPort'));
    return 64;
  }
  const session = new DesktopSession(config, lang);
  const server = new LocalServer(session, lang);
  const url = await server.listen(port);
  let finish!: (code: number) => void;
  const done = new Promise<number>((resolve) => (finish = resolve));

  const open = async () => {
    if (noOpen) return;
    const failed = await openWindow(url);
    if (failed) term.say(text(lang, 'cannotOpen', { reason: failed, url }));
  };
  session.onEvent = (type, data) => term.event(type, data);
  session.onRequest = () => {
    if (server.windows === 0) void open();
  };

  term.say(text(lang, 'windowAt', { title: text(lang, 'title'), url }));
  term.event('desktop', { url, lang });
  session.start();

  let tray: { stop: () => Promise<void> } | null = null;
  const unavailable = trayUnavailable(argv);
  const onChoice = (choice: TrayChoice) => {
    if (choice === 'quit') return finish(0);
    if (choice === 'start-chat') void session.guard(() => session.startChat());
    void open();
  };
  if (unavailable) {
    term.say(text(lang, 'noTray', { reason: unavailable }));
    term.event('tray', { available: false, reason: unavailable });
  } else {
    const started = await startTray(lang, configDir(), onChoice);
    if ('error' in started) {
      term.say(text(lang, 'noTray', { reason: started.error }));
      term.event('tray', { available: false, reason: started.error });
    } else {
      tray = started;
      term.event('tray', { available: true });
    }
  }
  // Without a tray, the window is the only way in: open it now.
  if (!tray) void open();

  const stop = () => finish(0);
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const code = await done;
  process.off('SIGINT', stop);
  process.off('SIGTERM', stop);
  session.close();
  await Promise.all([server.close(), tray?.stop()]);
  return code;
}
