import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ServerError } from '../connection.js';
import { fileProblem, MAX_FILE_BYTES } from '../file-rules.js';
import { text, TEXTS, type Lang } from '../i18n/agent-texts.js';
import type { DesktopSession } from './desktop-session.js';
import { checkAccess, newSecret, secretCookie } from './local-access.js';
import { pageFile, type PageFile } from './page-assets.js';

const TYPES: Record<PageFile, string> = {
  'index.html': 'text/html; charset=utf-8',
  'app.js': 'text/javascript; charset=utf-8',
  'app.css': 'text/css; charset=utf-8',
  'icon.png': 'image/png',
};
const STATIC: Record<string, PageFile> = {
  '/': 'index.html',
  '/app.js': 'app.js',
  '/app.css': 'app.css',
  '/icon.png': 'icon.png',
};

const SECURITY_HEADERS = {
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

class TooLarge extends Error {}

/**
 * The desktop window's server: 127.0.0.1 on a free port (or `--port`), one secret per run
 * (see local-access.ts). Serves the page, the session's state as server-sent events, the
 * window's actions, and file upload/download through the agent's device token (the page never
 * sees the token).
 */
export class LocalServer {
  readonly secret = newSecret();
  private server: Server | null = null;
  private port = 0;
  private readonly streams = new Set<ServerResponse>();

  constructor(
    private readonly session: DesktopSession,
    private readonly lang: Lang,
  ) {}

  /** The address to open: carries the secret once; the page then lives on the cookie. */
  get url(): string {
    return `http://127.0.0.1:${this.port}/?secret=${this.secret}`;
  }

  async listen(port = 0): Promise<string> {
    const server = createServer((req, res) => void this.handle(req, res));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as AddressInfo).port;
    return this.url;
  }

  /** How many windows are open on the state stream (a request opens one when there is none). */
  get windows(): number {
    return this.streams.size;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const access = checkAccess(req, this.secret, this.port);
      if (!access.ok) return this.json(res, 403, { error: 'FORBIDDEN', message: `Forbidden (${access.reason})` });
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (access.via === 'url') {
        // Out of the address bar and the history: from now on the cookie carries the secret.
        res.writeHead(303, { ...SECURITY_HEADERS, 'Set-Cookie': secretCookie(this.secret), Location: '/' });
        return void res.end();
      }
      const path = url.pathname;
      if (req.method === 'GET' && STATIC[path]) return this.serveFile(res, STATIC[path]);
      if (req.method === 'GET' && path === '/api/texts')
        return this.json(res, 200, { lang: this.lang, texts: TEXTS[this.lang] });
      if (req.method === 'GET' && path === '/api/state') return this.json(res, 200, this.session.state);
      if (req.method === 'GET' && path === '/events') return this.events(req, res);
      const action = /^\/api\/actions\/([a-z-]+)$/.exec(path)?.[1];
      if (req.method === 'POST' && action) {
        const body = await this.readJson(req);
        await this.session.act(action, body);
        return this.json(res, 200, this.session.state);
      }
      if (req.method === 'POST' && path === '/api/files') return await this.upload(req, res, url);
      const fileId = /^\/api\/files\/([A-Za-z0-9_-]+)$/.exec(path)?.[1];
      if (req.method === 'GET' && fileId) {
        const file = await this.session.download(fileId);
        res.writeHead(200, {
          ...SECURITY_HEADERS,
          'Content-Type': 'application/octet-stream',
          'Content-Length': file.data.length,
          'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
        });
        return void res.end(file.data);
      }
      return this.json(res, 404, { error: 'NOT_FOUND', message: `No such page: ${req.method} ${path}` });
    } catch (error) {
      // Answered at once from the declared size (Node discards the rest of the body).
      if (error instanceof TooLarge) return this.json(res, 413, { error: 'PAYLOAD_TOO_LARGE', message: error.message });
      const e = error as ServerError;
      const status = typeof e.status === 'number' && e.status >= 400 && e.status < 600 ? e.status : 500;
      this.session.fail(error);
      return this.json(res, status, { error: e.code ?? 'ERROR', message: e.message });
    }
  }

  private serveFile(res: ServerResponse, name: PageFile): void {
    const data = pageFile(name);
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': TYPES[name], 'Content-Length': data.length });
    res.end(data);
  }

  private json(res: ServerResponse, status: number, body: unknown): void {
    if (res.headersSent) return void res.end();
    const data = Buffer.from(JSON.stringify(body));
    res.writeHead(status, {
      ...SECURITY_HEADERS,
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': data.length,
    });
    res.end(data);
  }

  /** The session's state, whole, on every change (server-sent events; the cookie authenticates). */
  private events(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream', Connection: 'keep-alive' });
    this.streams.add(res);
    const unsubscribe = this.session.subscribe((state) => res.write(`data: ${JSON.stringify(state)}\n\n`));
    req.on('close', () => {
      unsubscribe();
      this.streams.delete(res);
    });
  }

  private async body(req: IncomingMessage, limit: number, tooLarge: string): Promise<Buffer> {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) throw new TooLarge(tooLarge);
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > limit) throw new TooLarge(tooLarge);
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks);
  }

  private async readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
    if (!(req.headers['content-type'] ?? '').startsWith('application/json'))
      throw new ServerError('UNSUPPORTED_MEDIA_TYPE', 'Send the action as application/json', 415);
    const raw = (await this.body(req, 64 * 1024, 'The request is too large')).toString('utf8');
    try {
      const parsed: unknown = raw ? JSON.parse(raw) : {};
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
    } catch {
      // answered below
    }
    throw new ServerError('BAD_REQUEST', 'The body must be a JSON object', 400);
  }

  /** The window's file, as the raw body (`?name=`): the same rules as the server, checked first. */
  private async upload(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const name = (url.searchParams.get('name') ?? '').trim();
    if (!name) throw new ServerError('BAD_REQUEST', 'The file name is missing (?name=)', 400);
    const problem = fileProblem(name, Number(req.headers['content-length'] ?? 0));
    if (problem === 'type') throw new ServerError('UNSUPPORTED_FILE_TYPE', text(this.lang, 'fileType', { name }), 415);
    const data = await this.body(req, MAX_FILE_BYTES, text(this.lang, 'fileTooLarge', { name }));
    const sent = await this.session.sendFile(name, data);
    this.json(res, 201, { file: sent });
  }

  async close(): Promise<void> {
    for (const s of this.streams) s.end();
    this.streams.clear();
    const server = this.server;
    if (!server) return;
    server.closeAllConnections?.();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
