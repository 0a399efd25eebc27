import { Readable } from 'node:stream';

/**
 * Where file contents live: local disk by default, an S3-protocol bucket with SWITCHBOARD_STORAGE.
 * Streams both ways so no file is held whole in memory. Keys are opaque ids chosen by the core.
 */
export abstract class FileStorage {
  /** Consumes `data` to its end; rejects with the stream's own error if it fails, leaving nothing behind. */
  abstract write(key: string, data: Readable): Promise<void>;
  /** Content already whole in memory (a mail's original, a decoded attachment): same contract as `write`. */
  writeBuffer(key: string, data: Buffer): Promise<void> {
    return this.write(key, Readable.from([data]));
  }
  /** Rejects before the first byte when the key is unknown (NotFoundError) or the store is down. */
  abstract read(key: string): Promise<Readable>;
  /** Idempotent: an unknown key is not an error. */
  abstract remove(key: string): Promise<void>;
}
