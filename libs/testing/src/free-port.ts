import { createServer } from 'node:net';

/**
 * A TCP port nothing listens on right now, for a child process the test starts. Asking the OS
 * (listen on 0) instead of a random number: random ports in 20000–40000 overlap the ephemeral
 * range and collided with other tests' connections (EADDRINUSE) when suites run in parallel.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
