import { spawn } from 'node:child_process';

/**
 * Opens the chat window: `SWITCHBOARD_AGENT_BROWSER` (e.g. Edge or Chrome) as an app window
 * (`--app=<url>`, no tabs or address bar) when set, else the user's default browser. Failure
 * is reported, never fatal: the address is printed too.
 */
export function openWindow(url: string, env: NodeJS.ProcessEnv = process.env): Promise<string | null> {
  const [command, args] = env.SWITCHBOARD_AGENT_BROWSER
    ? [env.SWITCHBOARD_AGENT_BROWSER, [`--app=${url}`]]
    : process.platform === 'win32'
      ? // `start` is a cmd built-in; the empty string is the window title it takes first.
        ['cmd', ['/c', 'start', '""', url]]
      : process.platform === 'darwin'
        ? ['open', [url]]
        : ['xdg-open', [url]];
  return new Promise((resolve) => {
    try {
      const child = spawn(command, args, { detached: true, stdio: 'ignore', windowsHide: true });
      child.once('error', (err) => resolve(err.message));
      child.once('spawn', () => {
        child.unref();
        resolve(null);
      });
    } catch (error) {
      resolve((error as Error).message);
    }
  });
}
