import type { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { OnModuleDestroy } from '@nestjs/common';
import type { S3StorageSetting } from '../config/storage-url.js';
import { NotFoundError } from '../errors/not-found.error.js';
import { FileStorageUnavailableError } from './file-storage-unavailable.error.js';
import { FileStorage } from './file-storage.port.js';

/** lib-storage's minimum; files up to 20 MB make at most 4 parts, 2 in flight: ~10 MB of buffers per upload at worst. */
const PART_BYTES = 5 * 1024 * 1024;

/**
 * Files as objects `<prefix><key>` in one bucket (AWS S3 or any S3-protocol server), shared by
 * every instance. Uploads stream through lib-storage (multipart above 5 MB) with a SHA-256 per
 * part that the server verifies on receipt; downloads stream the object body (the SDK checks a
 * whole-object checksum when the server returns one).
 */
export class S3FileStorage extends FileStorage implements OnModuleDestroy {
  private readonly client: S3Client;

  constructor(private readonly setting: S3StorageSetting) {
    super();
    this.client = new S3Client({
      region: setting.region,
      endpoint: setting.endpoint,
      forcePathStyle: setting.forcePathStyle,
      credentials: setting.credentials,
      // A store that does not answer fails the request in seconds, not minutes.
      requestHandler: { connectionTimeout: 5_000, requestTimeout: 60_000 },
      maxAttempts: 3,
    });
  }

  private key(key: string): string {
    if (!/^[A-Za-z0-9-]{8,}$/.test(key)) throw new Error(`invalid storage key ${key}`);
    return `${this.setting.prefix}${key}`;
  }

  async write(key: string, data: Readable): Promise<void> {
    const Key = this.key(key);
    let sourceError: unknown;
    data.once('error', (error) => (sourceError = error));
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.setting.bucket, Key, Body: data, ChecksumAlgorithm: 'SHA256' },
      partSize: PART_BYTES,
      queueSize: 2,
      // A failed multipart upload is aborted, so no invisible parts keep costing storage.
      leavePartsOnError: false,
    });
    try {
      await upload.done();
    } catch (error) {
      // The upload's own source failing (too large, client gone) is that error, not an outage.
      throw sourceError ?? new FileStorageUnavailableError(error);
    }
  }

  async read(key: string): Promise<Readable> {
    const Key = this.key(key);
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.setting.bucket, Key }));
      return object.Body as Readable;
    } catch (error) {
      if (isMissing(error)) throw new NotFoundError('File content', key);
      throw new FileStorageUnavailableError(error);
    }
  }

  async remove(key: string): Promise<void> {
    const Key = this.key(key);
    try {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.setting.bucket, Key }));
    } catch (error) {
      if (!isMissing(error)) throw new FileStorageUnavailableError(error);
    }
  }

  onModuleDestroy(): void {
    this.client.destroy();
  }
}

function isMissing(error: unknown): boolean {
  return error instanceof S3ServiceException && (error.name === 'NoSuchKey' || error.$metadata?.httpStatusCode === 404);
}
