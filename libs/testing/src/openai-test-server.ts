import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One recorded request to the fake provider (the parsed JSON body). */
export interface RecordedChatRequest {
  path: string;
  authorization: string | undefined;
  body: {
    model?: string;
    stream?: boolean;
    max_tokens?: number;
    temperature?: number;
    messages?: Array<{ role: string; content: string }>;
  };
}

/** What the server does with the next request(s). */
export type ChatBehaviour =
  | { kind: 'reply'; text: string; chunks?: number; delayMs?: number; finishReason?: string }
  | { kind: 'error'; status: number; message?: string }
  | { kind: 'hang' };

export interface OpenAiTestServer {
  /** e.g. http://127.0.0.1:PORT/v1 (what an admin types as the base URL). */
  baseUrl: string;
  host: string;
  port: number;
  requests: RecordedChatRequest[];
  /** Every later request gets this behaviour (default: reply "Hello from the test model."). */
  behave(behaviour: ChatBehaviour | ((request: RecordedChatRequest) => ChatBehaviour)): void;
  /** Requests whose connection the client closed before the answer ended (cancel, timeout). */
  readonly aborted: number;
  close(): Promise<void>;
}

/**
 * A real HTTP server speaking OpenAI's chat-completions protocol (`POST /v1/chat/completions`, JSON
 * or `stream: true` server-sent events ending in `data: [DONE]`), for tests of AI plugins. It records
 * every request so a test can prove what did (and did not) reach the provider.
 */
export async function startOpenAiServer(): Promise<OpenAiTestServer> {
  const requests: RecordedChatRequest[] = [];
  let behaviour: ChatBehaviour | ((request: RecordedChatRequest) => ChatBehaviour) = {
    kind: 'reply',
    text: 'Hello from the test model.',
  };
  let aborted = 0;
  const open = new Set<ServerResponse>();

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
      res.writeHead(404, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ error: { message: 'not found', type: 'invalid_request_error' } }));
    }
    const recorded: RecordedChatRequest = {
      path: req.url,
      authorization: req.headers.authorization,
      body: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'),
    };
    requests.push(recorded);
    const now = typeof behaviour === 'function' ? behaviour(recorded) : behaviour;
    open.add(res);
    res.on('close', () => {
      open.delete(res);
      if (!res.writableEnded) aborted++;
    });
    if (now.kind === 'hang') return;
    if (now.kind === 'error') {
      res.writeHead(now.status, { 'content-type': 'application/json' });
      return res.end(
        JSON.stringify({ error: { message: now.message ?? `error ${now.status}`, type: 'server_error' } }),
      );
    }
    const id = `chatcmpl-${requests.length}`;
    const model = recorded.body.model ?? 'test-model';
    const finish = now.finishReason ?? 'stop';
    if (!recorded.body.stream) {
      if (now.delayMs) await new Promise((r) => setTimeout(r, now.delayMs));
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(
        JSON.stringify({
          id,
          object: 'chat.completion',
          created: 0,
          model,
          choices: [{ index: 0, message: { role: 'assistant', content: now.text }, finish_reason: finish }],
          usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
        }),
      );
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    const n = Math.max(1, now.chunks ?? 4);
    const size = Math.ceil(now.text.length / n);
    const event = (delta: Record<string, unknown>, finishReason: string | null) =>
      res.write(
        `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created: 0, model, choices: [{ index: 0, delta, finish_reason: finishReason }] })}\n\n`,
      );
    event({ role: 'assistant', content: '' }, null);
    for (let i = 0; i < now.text.length; i += size) {
      if (res.destroyed) return;
      if (now.delayMs) await new Promise((r) => setTimeout(r, now.delayMs));
      event({ content: now.text.slice(i, i + size) }, null);
    }
    event({}, finish);
    res.end('data: [DONE]\n\n');
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: Error) => {
      res.writeHead(500);
      res.end(String(error.message));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    host: '127.0.0.1',
    port,
    requests,
    behave: (next) => void (behaviour = next),
    get aborted() {
      return aborted;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of open) res.destroy();
        server.close(() => resolve());
      }),
  };
}
