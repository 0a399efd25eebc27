// Uploads go first (POST /api/files), one file per request, so a message only carries file ids.
// XMLHttpRequest rather than fetch: it reports upload progress.
import { clientTexts } from './client-texts.i18n';

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

export interface UploadedFile {
  id: string;
  name: string;
  size: number;
  contentType: string;
}

export function uploadFile(
  file: File,
  companyId: string | undefined,
  onProgress: (fraction: number) => void,
): Promise<UploadedFile> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/files');
    xhr.withCredentials = true;
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      if (xhr.status === 201) return resolve(xhr.response as UploadedFile);
      const message = (xhr.response as { message?: string } | null)?.message;
      reject(
        new Error(
          xhr.status === 413
            ? clientTexts.t('fileTooLarge')
            : (message ?? clientTexts.t('uploadFailed', { status: xhr.status })),
        ),
      );
    };
    xhr.onerror = () => reject(new Error(clientTexts.t('unreachable')));
    const form = new FormData();
    if (companyId) form.append('companyId', companyId);
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

export const fileUrl = (id: string) => `/api/files/${id}/content`;

export function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
