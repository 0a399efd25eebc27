import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir, platform } from 'node:os';
import { join } from 'node:path';

export interface AgentConfig {
  serverUrl: string;
  token: string;
  deviceId: string;
  deviceName: string;
  enrolledAt: string;
}

/**
 * Where the device token lives: `SWITCHBOARD_AGENT_CONFIG_DIR` when set (tests, several agents
 * on one machine), else the user's config directory: %APPDATA% on Windows,
 * ~/Library/Application Support on macOS, $XDG_CONFIG_HOME or ~/.config elsewhere.
 */
export function configDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.SWITCHBOARD_AGENT_CONFIG_DIR) return env.SWITCHBOARD_AGENT_CONFIG_DIR;
  const os = platform();
  if (os === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'switchboard-agent');
  if (os === 'darwin') return join(homedir(), 'Library', 'Application Support', 'switchboard-agent');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'switchboard-agent');
}

export function configPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(configDir(env), 'config.json');
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AgentConfig | null {
  const path = configPath(env);
  if (!existsSync(path)) return null;
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<AgentConfig>;
  if (!parsed.serverUrl || !parsed.token) return null;
  return parsed as AgentConfig;
}

/** The token is a secret: the file is readable by its owner only (where the OS supports modes). */
export function saveConfig(config: AgentConfig, env: NodeJS.ProcessEnv = process.env): string {
  const dir = configDir(env);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const path = configPath(env);
  writeFileSync(path, JSON.stringify(config, null, 2) + '\n', { mode: 0o600 });
  try {
    chmodSync(path, 0o600);
  } catch {
    // Windows: ACLs of the user's profile protect it instead.
  }
  return path;
}
