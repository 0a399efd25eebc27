import type { ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as sea from 'node:sea';
import { text, type Lang } from '../i18n/agent-texts.js';
import { inSingleExecutable, pageFile } from './page-assets.js';

/** What the agent uses of `systray2` (an optional dependency: its helper binaries ship in the package). */
interface SysTrayItem {
  title: string;
  tooltip: string;
  enabled?: boolean;
}
interface SysTrayInstance {
  /** The helper process, once spawned (null before). */
  readonly process: ChildProcess | null;
  ready(): Promise<void>;
  onClick(listener: (event: { seq_id: number }) => void): Promise<unknown>;
  kill(exitNode?: boolean): Promise<void>;
}
type SysTrayClass = new (conf: {
  menu: { icon: string; title: string; tooltip: string; items: SysTrayItem[] };
  copyDir?: boolean | string;
}) => SysTrayInstance;

export type TrayChoice = 'start-chat' | 'open' | 'quit';

/** Why there is no tray icon, or null when one can be tried. */
export function trayUnavailable(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string | null {
  if (argv.includes('--no-tray') || env.SWITCHBOARD_AGENT_TRAY === '0') return 'turned off (--no-tray)';
  if (!['win32', 'darwin', 'linux'].includes(platform)) return `no tray support on ${platform}`;
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) return 'no display';
  return null;
}

/** The PNG in an .ico container (Windows' tray wants .ico; PNG inside is valid since Vista). */
function icoOf(png: Buffer): Buffer {
  const header = Buffer.alloc(22);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(1, 4);
  header.writeUInt8(0, 6); // 0 = 256 px or "see the PNG"
  header.writeUInt8(0, 7);
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  header.writeUInt32LE(png.length, 16);
  header.writeUInt32LE(22, 20);
  return Buffer.concat([header, png]);
}

const BIN_NAMES: Partial<Record<NodeJS.Platform, string>> = {
  win32: 'tray_windows_release.exe',
  darwin: 'tray_darwin_release',
  linux: 'tray_linux_release',
};

/**
 * The single executable carries systray2's helper for its platform as an asset: written once to
 * `<dir>/traybin/`, where systray2 looks first (relative to the working directory). Returns the
 * directory to run from while the helper starts.
 */
function extractHelper(dir: string): string | null {
  const name = BIN_NAMES[process.platform];
  if (!name) return null;
  const target = join(dir, 'traybin', name);
  if (!existsSync(target)) {
    mkdirSync(join(dir, 'traybin'), { recursive: true });
    writeFileSync(target, Buffer.from(sea.getAsset(`traybin/${name}`)));
    if (process.platform !== 'win32') chmodSync(target, 0o755);
  }
  return dir;
}

/**
 * The tray / menu-bar icon with Start chat, Open chat window and Quit. Anything that goes wrong
 * (package missing, no desktop session, helper refused to start) only means no icon: the window
 * still works and its address is printed.
 */
export async function startTray(
  lang: Lang,
  helperDir: string,
  onChoice: (choice: TrayChoice) => void,
): Promise<{ stop: () => Promise<void> } | { error: string }> {
  let SysTray: SysTrayClass;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- optional dependency, loaded only here
    const mod = require('systray2') as { default?: SysTrayClass };
    SysTray = (mod.default ?? mod) as SysTrayClass;
  } catch {
    return { error: 'the systray2 package is not installed' };
  }
  const cwd = process.cwd();
  try {
    if (inSingleExecutable()) {
      const dir = extractHelper(helperDir);
      if (dir) process.chdir(dir);
    }
    const png = pageFile('icon.png');
    const choices: TrayChoice[] = ['start-chat', 'open', 'quit'];
    const tray = new SysTray({
      menu: {
        icon: (process.platform === 'win32' ? icoOf(png) : png).toString('base64'),
        title: '',
        tooltip: text(lang, 'title'),
        items: [
          { title: text(lang, 'startChat'), tooltip: text(lang, 'startChat'), enabled: true },
          { title: text(lang, 'openWindow'), tooltip: text(lang, 'openWindow'), enabled: true },
          { title: text(lang, 'quit'), tooltip: text(lang, 'quit'), enabled: true },
        ],
      },
    });
    let exited = false;
    // The helper may die before it says "ready" (Linux without libappindicator3, no session bus):
    // watch its process as soon as it exists, so that is an answer too, not a hang.
    const gone = (async () => {
      for (let i = 0; i < 250 && !tray.process; i++) await new Promise((r) => setTimeout(r, 20));
      const child = tray.process;
      if (!child) return 'the tray helper did not start';
      if (child.exitCode !== null) {
        exited = true;
        return `the tray helper exited (${child.exitCode})`;
      }
      return new Promise<string>((resolve) => {
        child.once('exit', (code) => {
          exited = true;
          resolve(`the tray helper exited (${code})`);
        });
        child.once('error', (err) => resolve(`the tray helper failed: ${err.message}`));
      });
    })();
    const timeout = new Promise<string>((resolve) =>
      setTimeout(() => resolve('the tray helper did not start'), 10_000).unref(),
    );
    const failed = await Promise.race([tray.ready().then(() => null), gone, timeout]).catch(
      (err: Error) => `the tray helper failed: ${err.message}`,
    );
    if (failed) {
      if (!exited) await tray.kill(false).catch(() => undefined);
      return { error: failed };
    }
    await tray.onClick((event) => {
      const choice = choices[event.seq_id];
      if (choice) onChoice(choice);
    });
    return { stop: () => (exited ? Promise.resolve() : tray.kill(false).catch(() => undefined)) };
  } catch (error) {
    return { error: (error as Error).message };
  } finally {
    process.chdir(cwd);
  }
}
