import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeleteBucketCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { freePort } from './free-port.js';

// s3rver ships no types; only its constructor, run() and close() are used.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const S3rver = require('s3rver') as new (options: Record<string, unknown>) => {
  run(): Promise<unknown>;
  close(): Promise<void>;
};

/** One request the app sent (through the recording proxy in front of s3rver). */
export interface RecordedS3Request {
  method: string;
  /** Path and query, e.g. `/bucket/key?partNumber=1&uploadId=...`. */
  url: string;
  headers: IncomingHttpHeaders;
}

export interface S3TestServer {
  /** The app's endpoint: a proxy that records every request, then forwards it to s3rver unchanged. */
  endpoint: string;
  requests: RecordedS3Request[];
  bucket: string;
  /** What the app needs to use this server: SWITCHBOARD_STORAGE and the credentials s3rver accepts. */
  env: Record<string, string>;
  /** An SDK client of its own, to look at the bucket from outside the app. */
  client: S3Client;
  keys(): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * A real S3-protocol server (s3rver, on disk in a temp folder) on a free port, with one bucket.
 * It checks SigV4 signatures against its fixed S3RVER/S3RVER credentials. The app talks to it
 * through a recording proxy, so tests can see what was sent (multipart parts, checksum headers).
 */
export async function startS3Server(bucket = 'switchboard-test'): Promise<S3TestServer> {
  const directory = mkdtempSync(join(tmpdir(), 'sb-s3-'));
  const port = await freePort();
  const server = new S3rver({
    address: '127.0.0.1',
    port,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  await server.run();
  const direct = `http://127.0.0.1:${port}`;
  const requests: RecordedS3Request[] = [];
  const proxy = createServer((req, res) => {
    requests.push({ method: req.method!, url: req.url!, headers: req.headers });
    const upstream = request(
      { host: '127.0.0.1', port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode!, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
  const client = new S3Client({ endpoint: direct, region: 'us-east-1', forcePathStyle: true, credentials });
  return {
    endpoint,
    requests,
    bucket,
    env: {
      SWITCHBOARD_STORAGE: `s3://${bucket}?endpoint=${encodeURIComponent(endpoint)}&region=us-east-1&forcePathStyle=true`,
      AWS_ACCESS_KEY_ID: credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    },
    client,
    keys: async () => {
      const listed = await client.send(new ListObjectsV2Command({ Bucket: bucket }));
      return (listed.Contents ?? []).map((o) => o.Key!).sort();
    },
    close: async () => {
      await client.send(new DeleteBucketCommand({ Bucket: bucket })).catch(() => undefined);
      client.destroy();
      proxy.closeAllConnections();
      await new Promise((resolve) => proxy.close(resolve));
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
