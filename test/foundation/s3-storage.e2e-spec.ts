import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { ConfigError } from '@switchboard/core';
import {
  createTestApp,
  eventually,
  freePort,
  startS3Server,
  type S3TestServer,
  type TestApp,
} from '@switchboard/testing';

/** The body as raw bytes (supertest would otherwise try to parse some types). */
const binary = (res: NodeJS.ReadableStream, done: (err: Error | null, body: unknown) => void): void => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};
const parseBinary = binary as unknown as Parameters<ReturnType<ReturnType<TestApp['http']>['get']>['parse']>[0];

const SECRETS = {
  SWITCHBOARD_SECRET_KEY: 's3-storage-test-secret-key-0123456789abcdef',
  SWITCHBOARD_JWT_SECRET: 's3-storage-test-jwt-secret-0123456789abcdef',
};

/** Every file the local storage would have written: none, when S3 is the storage. */
function localFiles(dataDir: string): string[] {
  try {
    return readdirSync(join(dataDir, 'files'), { recursive: true }).map(String);
  } catch {
    return [];
  }
}

describe('S3 file storage (SWITCHBOARD_STORAGE=s3://..., a real s3rver)', () => {
  let s3: S3TestServer;
  let a: TestApp;
  let b: TestApp;
  let bDataDir: string;

  beforeAll(async () => {
    s3 = await startS3Server();
    a = await createTestApp({ env: { ...s3.env, ...SECRETS } });
    // A second instance: same database, its own data folder; only the bucket is shared.
    bDataDir = mkdtempSync(join(tmpdir(), 'sb-s3-b-'));
    b = await createTestApp({
      env: { ...s3.env, ...SECRETS },
      database: { url: a.database.url, dataDir: bDataDir },
      seed: false,
    });
  });

  afterAll(async () => {
    await b?.close();
    await a?.close();
    await s3?.close();
    rmSync(bDataDir, { recursive: true, force: true });
  });

  it('uploads a multi-MB file as a multipart object, downloads it byte-identical from another instance, and deletes it', async () => {
    const data = randomBytes(12 * 1024 * 1024 + 123); // three parts of lib-storage's 5 MB
    s3.requests.length = 0;
    const upload = await a
      .http()
      .post('/api/files')
      .set('Authorization', `Bearer ${a.technicianToken}`)
      .attach('file', data, { filename: 'disk image.bin', contentType: 'application/octet-stream' })
      .expect(201);
    const file = upload.body as { id: string; size: number; sha256: string };
    expect(file.size).toBe(data.length);
    expect(file.sha256).toBe(createHash('sha256').update(data).digest('hex'));

    // The object is in the bucket, under the file's id, and nothing went to the local disk.
    expect(await s3.keys()).toEqual([file.id]);
    const head = await s3.client.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: file.id }));
    expect(head.ContentLength).toBe(data.length);
    // Sent as a multipart upload, each part with its SHA-256 for the server to verify.
    const parts = s3.requests.filter((r) => r.method === 'PUT' && /[?&]partNumber=\d+/.test(r.url));
    expect(parts).toHaveLength(3);
    const sizes = [5, 5, 2].map((mb) => mb * 1024 * 1024);
    sizes[2] += 123;
    let offset = 0;
    parts
      .sort((x, y) => Number(/partNumber=(\d+)/.exec(x.url)![1]) - Number(/partNumber=(\d+)/.exec(y.url)![1]))
      .forEach((part, i) => {
        const chunk = data.subarray(offset, (offset += sizes[i]));
        expect(part.headers['x-amz-checksum-sha256']).toBe(createHash('sha256').update(chunk).digest('base64'));
      });
    expect(s3.requests.some((r) => r.method === 'POST' && /[?&]uploads\b/.test(r.url))).toBe(true);
    expect(localFiles(a.database.dataDir)).toEqual([]);

    // Instance B has never seen the file: it reads it from the shared bucket.
    const downloaded = await b
      .http()
      .get(`/api/files/${file.id}/content`)
      .set('Authorization', `Bearer ${b.tokenFor(a.technician.id)}`)
      .buffer(true)
      .parse(parseBinary)
      .expect(200);
    expect(downloaded.headers['content-length']).toBe(String(data.length));
    expect(Buffer.compare(downloaded.body as Buffer, data)).toBe(0);

    // Deleted on B: the row and the object go; A no longer finds it either.
    await b
      .http()
      .delete(`/api/files/${file.id}`)
      .set('Authorization', `Bearer ${b.tokenFor(a.technician.id)}`)
      .expect(204);
    expect(await s3.keys()).toEqual([]);
    await a.http().get(`/api/files/${file.id}/content`).set('Authorization', `Bearer ${a.technicianToken}`).expect(404);
  });

  it('stores a small file in one request, and masks-free text downloads stay byte-identical', async () => {
    const text = Buffer.from('printer log\nline 2 \u00e9\n');
    const { body } = await a
      .http()
      .post('/api/files')
      .set('Authorization', `Bearer ${a.technicianToken}`)
      .attach('file', text, { filename: 'log.txt', contentType: 'text/plain' })
      .expect(201);
    await s3.client.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: body.id }));
    const res = await b
      .http()
      .get(`/api/files/${body.id}/content`)
      .set('Authorization', `Bearer ${b.tokenFor(a.technician.id)}`)
      .buffer(true)
      .parse(parseBinary)
      .expect(200);
    expect(Buffer.compare(res.body as Buffer, text)).toBe(0);
    await a.http().delete(`/api/files/${body.id}`).set('Authorization', `Bearer ${a.technicianToken}`).expect(204);
  });

  it('refuses empty and oversized uploads and leaves no object behind', async () => {
    const auth = `Bearer ${a.technicianToken}`;
    const empty = await a
      .http()
      .post('/api/files')
      .set('Authorization', auth)
      .attach('file', Buffer.alloc(0), 'empty.txt')
      .expect(400);
    expect(empty.body.error).toBe('VALIDATION_FAILED');
    const big = await a
      .http()
      .post('/api/files')
      .set('Authorization', auth)
      .attach('file', Buffer.alloc(20 * 1024 * 1024 + 1, 7), 'big.bin')
      .expect(413);
    expect(big.body.error).toBe('PAYLOAD_TOO_LARGE');
    expect(await s3.keys()).toEqual([]);
  });

  it('removes the object again when the request is refused after the file was streamed (bad companyId)', async () => {
    const res = await a
      .http()
      .post('/api/files')
      .set('Authorization', `Bearer ${a.technicianToken}`)
      .attach('file', Buffer.from('secret'), 'x.txt')
      .field('companyId', 'not-a-uuid')
      .expect(400);
    expect(res.body.error).toBe('VALIDATION_FAILED');
    // Removed once the response is sent (Nest's multer clean-up after a pipe rejection).
    await eventually(async () => expect(await s3.keys()).toEqual([]));
  });

  it('deletes only unattached uploads, and only by the uploader or an admin', async () => {
    const { body } = await a
      .http()
      .post('/api/files')
      .set('Authorization', `Bearer ${a.adminToken}`)
      .attach('file', Buffer.from('admin file'), 'a.txt')
      .expect(201);
    // The technician cannot see the admin's company-less upload at all.
    await a.http().delete(`/api/files/${body.id}`).set('Authorization', `Bearer ${a.technicianToken}`).expect(404);
    expect(await s3.keys()).toEqual([body.id]);
    await a.http().delete(`/api/files/${body.id}`).set('Authorization', `Bearer ${a.adminToken}`).expect(204);
    expect(await s3.keys()).toEqual([]);
  });
});

describe('S3 file storage: configuration and outages', () => {
  it('refuses to start with a bad SWITCHBOARD_STORAGE, saying what is wrong', async () => {
    await expect(
      createTestApp({ env: { SWITCHBOARD_STORAGE: 's3://Bad_Bucket?endpoint=minio:9000' } }),
    ).rejects.toThrow(ConfigError);
    await expect(
      createTestApp({ env: { SWITCHBOARD_STORAGE: 's3://bucket?endpoint=ftp://x&colour=blue' } }),
    ).rejects.toThrow(
      /unknown parameter "colour"[\s\S]*endpoint must be an http:\/\/ or https:\/\/ URL, got "ftp:\/\/x"/,
    );
  });

  it('answers 503 FILE_STORAGE_UNAVAILABLE when the S3 server is down; the API stays up', async () => {
    const port = await freePort(); // nothing listens there
    const app = await createTestApp({
      env: {
        SWITCHBOARD_STORAGE: `s3://switchboard-down?endpoint=http://127.0.0.1:${port}&forcePathStyle=true`,
        AWS_ACCESS_KEY_ID: 'S3RVER',
        AWS_SECRET_ACCESS_KEY: 'S3RVER',
      },
    });
    try {
      const res = await app
        .http()
        .post('/api/files')
        .set('Authorization', `Bearer ${app.technicianToken}`)
        .attach('file', Buffer.from('hello'), 'hello.txt')
        .expect(503);
      expect(res.body).toMatchObject({
        error: 'FILE_STORAGE_UNAVAILABLE',
        message: expect.stringMatching(/unavailable/),
      });
      // The API itself is fine.
      await app
        .http()
        .get('/api/me/notification-preferences')
        .set('Authorization', `Bearer ${app.technicianToken}`)
        .expect(200);
    } finally {
      await app.close();
    }
  });
});
