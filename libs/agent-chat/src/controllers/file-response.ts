import type { Response } from 'express';
import type { FileView } from '@switchboard/core';

/** Always a download, never rendered by the browser (same rule as GET /api/files/:id/content). */
export function sendDownload(res: Response, file: FileView, data: Buffer): void {
  // A stored .js/.html served with its own type would run as <script src> from our origin (CSP 'self').
  res.setHeader(
    'Content-Type',
    /^text\/html|xml|svg|javascript|ecmascript/i.test(file.contentType) ? 'application/octet-stream' : file.contentType,
  );
  res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Content-Length', String(data.length));
  res.end(data);
}

export interface UploadedPart {
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

/** One byte over the limit still arrives, so the service can answer with its own clear message. */
export const UPLOAD_LIMITS = { fileSize: 20 * 1024 * 1024 + 1, files: 1, fields: 5 };
