// The satisfaction report (admins): GET /api/reports/csat?days=N. Shapes from the generated API types.
import type * as C from '@switchboard/contracts';
import { request } from './api.client';

export type CsatReport = C.ApiSchema<'CsatReportDto'>;
export type CsatReportRow = C.ApiSchema<'CsatReportRowDto'>;

export const csatApi = {
  report: (days: number) => request<CsatReport>('GET', `/api/reports/csat?days=${days}`),
};
