import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { freePort, startS3Server, type S3TestServer } from '@switchboard/testing';
import { parseStorageUrl, type S3StorageSetting } from '../config/storage-url.js';
import { NotFoundError } from '../errors/not-found.error.js';
import { FileStorageUnavailableError } from './file-storage-unavailable.error.js';
import { S3FileStorage } from './s3.storage.js';

const KEY = '01a23a7c-4bc0-70e2-a94f-21e69de7dd4c';
const collect = async (r: Readable) => Buffer.concat((await r.toArray()) as Buffer[]);

function settingFor(env: Record<string, string>, storage = env.SWITCHBOARD_STORAGE): S3StorageSetting {
  const { setting, problems } = parseStorageUrl(storage, env);
  expect(problems).toEqual([]);
  return setting as S3StorageSetting;
}

describe('S3FileStorage (against s3rver)', () => {
  let s3: S3TestServer;
  let storage: S3FileStorage;

  beforeAll(async () => {
    s3 = await startS3Server('unit-bucket');
    const url = s3.env.SWITCHBOARD_STORAGE.replace('s3://unit-bucket', 's3://unit-bucket/tenant-a');
    storage = new S3FileStorage(settingFor(s3.env, url));
  });
  afterAll(async () => {
    storage?.onModuleDestroy();
    await s3?.close();
  });
  beforeEach(() => (s3.requests.length = 0));

  it('writes a small file in one PUT with its SHA-256, under the prefix, and reads it back', async () => {
    const data = Buffer.from('hello object store');
    await storage.write(KEY, Readable.from([data]));
    const puts = s3.requests.filter((r) => r.method === 'PUT');
    expect(puts).toHaveLength(1);
    expect(puts[0].url.split('?')[0]).toBe(`/unit-bucket/tenant-a/${KEY}`);
    expect(puts[0].headers['x-amz-checksum-sha256']).toBe(createHash('sha256').update(data).digest('base64'));
    expect(await s3.keys()).toEqual([`tenant-a/${KEY}`]);
    expect(await collect(await storage.read(KEY))).toEqual(data);
    await storage.remove(KEY);
    expect(await s3.keys()).toEqual([]);
  });

  it('streams a large file as a multipart upload (5 MB parts), byte-identical back', async () => {
    const data = randomBytes(11 * 1024 * 1024);
    // Many small chunks, as a request stream delivers them.
    const chunks = Array.from({ length: 176 }, (_, i) => data.subarray(i * 65536, (i + 1) * 65536));
    await storage.write(KEY, Readable.from(chunks));
    const parts = s3.requests.filter((r) => /[?&]partNumber=/.test(r.url));
    expect(parts).toHaveLength(3);
    expect(parts.every((p) => typeof p.headers['x-amz-checksum-sha256'] === 'string')).toBe(true);
    expect((await collect(await storage.read(KEY))).equals(data)).toBe(true);
    await storage.remove(KEY);
  });

  it('fails with the source stream’s own error and aborts the multipart upload', async () => {
    const boom = new Error('client went away');
    async function* source() {
      yield randomBytes(6 * 1024 * 1024);
      throw boom;
    }
    await expect(storage.write(KEY, Readable.from(source()))).rejects.toBe(boom);
    expect(await s3.keys()).toEqual([]);
  });

  it('reports a missing object as NotFound, and removing it as done', async () => {
    await expect(storage.read('01a23a7c-0000-7000-8000-000000000000')).rejects.toBeInstanceOf(NotFoundError);
    await expect(storage.remove('01a23a7c-0000-7000-8000-000000000000')).resolves.toBeUndefined();
  });

  it('refuses keys that are not ids', async () => {
    await expect(storage.read('../etc/passwd')).rejects.toThrow(/invalid storage key/);
  });

  it('turns a server that does not answer into FileStorageUnavailableError (503)', async () => {
    const port = await freePort();
    const down = new S3FileStorage(
      settingFor(s3.env, `s3://unit-bucket?endpoint=http://127.0.0.1:${port}&forcePathStyle=true`),
    );
    try {
      const write = down.write(KEY, Readable.from([Buffer.from('x')]));
      await expect(write).rejects.toBeInstanceOf(FileStorageUnavailableError);
      await expect(write).rejects.toMatchObject({ code: 'FILE_STORAGE_UNAVAILABLE', status: 503 });
      await expect(down.read(KEY)).rejects.toBeInstanceOf(FileStorageUnavailableError);
      await expect(down.remove(KEY)).rejects.toBeInstanceOf(FileStorageUnavailableError);
    } finally {
      down.onModuleDestroy();
    }
  });

  it('turns refused credentials into FileStorageUnavailableError too', async () => {
    const wrong = new S3FileStorage(settingFor({ ...s3.env, AWS_ACCESS_KEY_ID: 'NOBODY', AWS_SECRET_ACCESS_KEY: 'x' }));
    try {
      await expect(wrong.write(KEY, Readable.from([Buffer.from('x')]))).rejects.toBeInstanceOf(
        FileStorageUnavailableError,
      );
    } finally {
      wrong.onModuleDestroy();
    }
  });
});
