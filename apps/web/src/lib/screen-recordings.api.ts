// Screen sharing recordings (#19): upload first (POST /api/files), then attach to the session;
// listed with the case, downloaded as files, deleted by admins.
import type * as C from '@switchboard/contracts';
import { request } from './api.client';
import { uploadFile } from './files.api';

export type ScreenRecording = C.ApiSchema<'ScreenRecordingViewDto'>;

const enc = encodeURIComponent;

export const screenRecordingsApi = {
  list: (caseId: string) => request<ScreenRecording[]>('GET', `/api/cases/${enc(caseId)}/recordings`),
  remove: (caseId: string, fileId: string) =>
    request<unknown>('DELETE', `/api/cases/${enc(caseId)}/recordings/${enc(fileId)}`),
  async save(sessionId: string, blob: Blob): Promise<ScreenRecording> {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
    const file = new File([blob], `screen-recording-${stamp}.webm`, { type: blob.type || 'video/webm' });
    const uploaded = await uploadFile(file, undefined, () => undefined);
    return request<ScreenRecording>('POST', `/api/screen-sessions/${enc(sessionId)}/recording`, {
      fileId: uploaded.id,
    });
  },
};
