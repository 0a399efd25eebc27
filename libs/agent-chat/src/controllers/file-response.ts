import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Response } from 'express';
import type { FileView } from '@switchboard/core';

/**
 * Always a download, never rendered by the browser (same rule as GET /api/files/:id/content). A
 * Buffer (masked text) is sent at once; a stream (as stored) is piped, cut short if the storage
 * fails midway.
 */
export async function sendDownload(res: Response, file: FileView, data: Buffer | Readable): Promise<void> {
  // A stored .js/.html served with its own type would run as <script src> from our origin (CSP 'self').
  res.setHeader(
    'Content-Type',
    /^text\/html|xml|svg|javascript|ecmascript/i.test(file.contentType) ? 'application/octet-stream' : file.contentType,
  );
  res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  if (Buffer.isBuffer(data)) {
    res.setHeader('Content-Length', String(data.length));
    res.end(data);
    return;
  }
  res.setHeader('Content-Length', String(file.size));
  await pipeline(data, res).catch(() => res.destroy());
}

export interface UploadedPart {
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

/** One byte over the limit still arrives, so the service can answer with its own clear message. */
export const UPLOAD_LIMITS = { fileSize: 20 * 1024 * 1024 + 1, files: 1, fields: 5 };
