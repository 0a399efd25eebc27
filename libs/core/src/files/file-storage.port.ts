/**
 * Where file contents live. Local disk by default; an object store (S3, ...) implements the same
 * three calls. Keys are opaque ids chosen by the core.
 */
export abstract class FileStorage {
  abstract write(key: string, data: Buffer): Promise<void>;
  abstract read(key: string): Promise<Buffer>;
  abstract remove(key: string): Promise<void>;
}
