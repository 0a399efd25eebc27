import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { FileService, type WrittenContent } from './file.service.js';

/** The part of multer's StorageEngine contract used here (multer ships no types of its own). */
interface MulterPart {
  stream: Readable;
  content?: WrittenContent;
}
type HandleCallback = (error?: unknown, info?: { content: WrittenContent }) => void;

/**
 * A multer storage engine that streams the uploaded part straight into the file storage while
 * the request arrives (multer's memory storage would hold the whole file). The row is written
 * by the route once the upload is accepted; multer calls `_removeFile` when it fails the
 * request after the content was written (size limit, a later bad part, pipe rejection).
 */
@Injectable()
export class StreamingUploadEngine {
  constructor(private readonly files: FileService) {}

  _handleFile(_req: unknown, part: MulterPart, callback: HandleCallback): void {
    this.files.writeStream(part.stream).then(
      (content) => callback(null, { content }),
      (error: unknown) => callback(error),
    );
  }

  _removeFile(_req: unknown, part: MulterPart, callback: (error: Error | null) => void): void {
    if (!part.content) return callback(null);
    void this.files.discard(part.content.id).then(() => callback(null));
  }
}
