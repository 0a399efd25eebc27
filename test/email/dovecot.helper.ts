import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { userInfo } from 'node:os';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './email.helper';

const DOVECOT = ['/usr/sbin/dovecot', '/usr/local/sbin/dovecot'].find((p) => existsSync(p));

/** Why the IMAP tests cannot run here, or null when Debian's dovecot-imapd is installed. */
export function dovecotMissing(): string | null {
  return DOVECOT
    ? null
    : 'dovecot is not installed (apt-get install dovecot-imapd): the IMAP polling e2e test is skipped';
}

export interface Dovecot {
  port: number;
  user: string;
  password: string;
  /** Drop a message into the user's INBOX (a new maildir file, as a delivery agent would). */
  deliver(raw: string): void;
  stop(): Promise<void>;
}

const waitForPort = async (port: number, timeoutMs = 10_000) => {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = connect(port, '127.0.0.1', () => {
        s.end();
        resolve(true);
      });
      s.on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`dovecot did not listen on ${port}`);
};

/** An own dovecot instance: config in a temp dir, an unprivileged port, one passwd-file user, maildir. */
export async function startDovecot(): Promise<Dovecot> {
  if (!DOVECOT) throw new Error(dovecotMissing()!);
  const dir = mkdtempSync(join(tmpdir(), 'sb-dovecot-'));
  const port = await freePort();
  // Unprivileged: the current user runs everything. As root (CI containers), dovecot refuses to run
  // its login and mail processes as root, so the package's own users take those roles.
  const root = process.getuid?.() === 0;
  const lookup = (user: string) => spawnSync('getent', ['passwd', user]).stdout.toString().split(':');
  const mailUser = root ? lookup('dovecot') : null;
  const me = root
    ? { username: 'dovecot', uid: Number(mailUser![2]), gid: Number(mailUser![3]), login: 'dovenull' }
    : { username: userInfo().username, uid: userInfo().uid, gid: userInfo().gid, login: userInfo().username };
  const group = root
    ? spawnSync('id', ['-gn', 'dovecot']).stdout.toString().trim()
    : spawnSync('id', ['-gn']).stdout.toString().trim() || String(me.gid);
  for (const d of ['run', 'state', 'home/support/Maildir/new', 'home/support/Maildir/cur', 'home/support/Maildir/tmp'])
    mkdirSync(join(dir, d), { recursive: true });
  writeFileSync(join(dir, 'passwd'), 'support:{PLAIN}imap-secret-1\n');
  if (root) {
    chmodSync(dir, 0o755);
    spawnSync('chown', ['-R', `${me.uid}:${me.gid}`, join(dir, 'home')]);
  }
  writeFileSync(
    join(dir, 'dovecot.conf'),
    `
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_login_user = ${me.login}
default_internal_user = ${me.username}
default_internal_group = ${group}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/passwd
}
userdb {
  driver = static
  args = uid=${me.uid} gid=${me.gid} home=${dir}/home/%u
}
mail_location = maildir:~/Maildir
first_valid_uid = ${me.uid}
first_valid_gid = ${me.gid}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service stats {
  unix_listener stats-reader {
    mode = 0600
  }
  unix_listener stats-writer {
    mode = 0600
  }
}
`,
  );
  const child: ChildProcess = spawn(DOVECOT, ['-F', '-c', join(dir, 'dovecot.conf')], { stdio: 'ignore' });
  await waitForPort(port);
  let n = 0;
  return {
    port,
    user: 'support',
    password: 'imap-secret-1',
    deliver(raw) {
      const name = `${Date.now()}.${process.pid}_${++n}.switchboard-test`;
      writeFileSync(join(dir, 'home/support/Maildir/tmp', name), raw);
      // Maildir delivery: written to tmp, then moved into new.
      spawnSync('mv', [join(dir, 'home/support/Maildir/tmp', name), join(dir, 'home/support/Maildir/new', name)]);
      if (root) spawnSync('chown', [`${me.uid}:${me.gid}`, join(dir, 'home/support/Maildir/new', name)]);
    },
    async stop() {
      await new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
      if (process.env.DOVECOT_DEBUG)
        console.log(spawnSync('tail', ['-30', join(dir, 'dovecot.log')]).stdout.toString());
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
