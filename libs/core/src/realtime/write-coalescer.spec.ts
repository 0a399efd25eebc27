import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo, Socket as TcpSocket } from 'node:net';
import { Server } from 'socket.io';
import { io, type Socket as ClientSocket } from 'socket.io-client';
import { WriteCoalescer } from './write-coalescer.js';

// A real socket.io server and client over loopback: what reaches the client, in which order, and
// how many TCP writes the server made for it.
describe('WriteCoalescer', () => {
  let http: HttpServer;
  let server: Server;
  let client: ClientSocket;
  let writes = 0;
  let serverSide: import('socket.io').Socket;

  beforeEach(async () => {
    http = createServer();
    server = new Server(http);
    new WriteCoalescer().attach(server.engine as never);
    const connected = new Promise<void>((resolve) =>
      server.on('connection', (s) => {
        serverSide = s;
        resolve();
      }),
    );
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    client = io(`http://127.0.0.1:${(http.address() as AddressInfo).port}`, {
      transports: ['websocket'],
      reconnection: false,
    });
    await connected;
    await new Promise<void>((resolve) => (client.connected ? resolve() : client.once('connect', () => resolve())));
    const tcp = (serverSide.conn as unknown as { transport: { socket: { _socket: TcpSocket } } }).transport.socket
      ._socket;
    // Count what reaches the kernel: writev for corked batches, write for single chunks.
    const w = tcp as unknown as { _writev: (...a: unknown[]) => unknown; _write: (...a: unknown[]) => unknown };
    const writev = w._writev.bind(tcp);
    const write = w._write.bind(tcp);
    w._writev = (...a) => (writes++, writev(...a));
    w._write = (...a) => (writes++, write(...a));
    writes = 0;
  });

  afterEach(async () => {
    client.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('sends what one turn emits to a socket in one TCP write, in order', async () => {
    const seen: number[] = [];
    const all = new Promise<void>((resolve) =>
      client.on('n', (n: number) => (seen.push(n), seen.length === 5 && resolve())),
    );
    for (let n = 1; n <= 5; n++) serverSide.emit('n', n);
    await all;
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    expect(writes).toBe(1);
  });

  it('includes acks and room broadcasts, and flushes again in later turns', async () => {
    serverSide.join('room');
    serverSide.on('ask', (x: number, ack: (r: number) => void) => {
      ack(x * 2);
      server.to('room').emit('echo', x);
    });
    const echoes: number[] = [];
    client.on('echo', (x: number) => echoes.push(x));
    expect(await client.timeout(2000).emitWithAck('ask', 21)).toBe(42);
    const before = writes;
    expect(await client.timeout(2000).emitWithAck('ask', 5)).toBe(10);
    await new Promise((r) => setTimeout(r, 20));
    expect(echoes).toEqual([21, 5]);
    // One write per turn: the ack and the echo of each request together.
    expect(writes - before).toBe(1);
  });
});

describe('WriteCoalescer when the server closes', () => {
  it('still sends what was emitted just before a disconnect or a server shutdown', async () => {
    const http = createServer();
    const server = new Server(http);
    new WriteCoalescer().attach(server.engine as never);
    const sockets: import('socket.io').Socket[] = [];
    server.on('connection', (s) => sockets.push(s));
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    const clients = [
      io(url, { transports: ['websocket'], reconnection: false }),
      io(url, { transports: ['websocket'], reconnection: false }),
    ];
    await Promise.all(clients.map((c) => new Promise<void>((resolve) => c.once('connect', () => resolve()))));
    const got = clients.map(() => [] as string[]);
    clients.forEach((c, i) => c.onAny((e) => got[i].push(e)));
    const reasons = clients.map((c) => new Promise((resolve) => c.once('disconnect', resolve)));
    // One socket is disconnected by the server; the whole server closes under the other (discarding).
    sockets[0].emit('bye', 1);
    sockets[0].disconnect(true);
    server.emit('server.shutdown', { reconnect: true });
    server.close();
    expect(await reasons[0]).toBe('io server disconnect');
    await reasons[1];
    expect(got[0]).toEqual(['bye']);
    expect(got[1]).toEqual(['server.shutdown']);
  });
});
