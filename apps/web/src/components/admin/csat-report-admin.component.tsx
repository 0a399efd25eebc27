// Admin → Satisfaction (#18.4): answers to the CSAT question over the last N days, per technician
// (the assignee at resolution) and per company: responses, average score, share of 4–5 answers.
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../../lib/api.client';
import { csatApi, type CsatReport, type CsatReportRow } from '../../lib/csat.api';
import { ct, formatScore } from '../../lib/csat.i18n';
import { formatNumber } from '../../lib/i18n';

const PERIODS = [7, 30, 90, 365];

export function CsatReportAdmin() {
  const [days, setDays] = useState(30);
  const [report, setReport] = useState<CsatReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    setError(null);
    // The newest period asked for wins (an older answer arriving late is dropped).
    csatApi.report(days).then(
      (r) => current && setReport(r),
      (err) => current && setError(err instanceof ApiError ? err.message : ct('loadFailed')),
    );
    return () => {
      current = false;
    };
  }, [days]);

  return (
    <section class="admin-card" data-testid="csat-report" data-days={report?.days ?? ''}>
      <h2>{ct('title')}</h2>
      <p class="muted">{ct('intro', { days })}</p>
      <label class="field-inline">
        <span>{ct('days')}</span>
        <select
          value={String(days)}
          onChange={(e) => setDays(Number((e.currentTarget as HTMLSelectElement).value))}
          data-testid="csat-days"
        >
          {PERIODS.map((d) => (
            <option key={d} value={String(d)}>
              {ct('daysOption', { days: d })}
            </option>
          ))}
        </select>
      </label>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      {report && (
        <>
          <p data-testid="csat-total">
            <strong>{ct('total')}</strong>: {formatNumber(report.total.responses)} · {ct('average')}{' '}
            {formatScore(report.total.average)} · {ct('satisfied')} {formatNumber(report.total.satisfiedPercent)} %
          </p>
          <Table
            title={ct('byTechnician')}
            who={ct('technician')}
            rows={report.technicians}
            testId="csat-technicians"
          />
          <Table title={ct('byCompany')} who={ct('company')} rows={report.companies} testId="csat-companies" />
        </>
      )}
    </section>
  );
}

function Table({ title, who, rows, testId }: { title: string; who: string; rows: CsatReportRow[]; testId: string }) {
  return (
    <>
      <h3>{title}</h3>
      {rows.length === 0 ? (
        <p class="muted">{ct('none')}</p>
      ) : (
        <table class="admin-table" data-testid={testId}>
          <thead>
            <tr>
              <th scope="col">{who}</th>
              <th scope="col">{ct('responses')}</th>
              <th scope="col">{ct('average')}</th>
              <th scope="col">{ct('satisfied')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id ?? 'none'} data-testid="csat-row" data-id={r.id ?? ''}>
                <th scope="row">{r.id ? r.name : ct('unassigned')}</th>
                <td data-cell="responses">{formatNumber(r.responses)}</td>
                <td data-cell="average">{formatScore(r.average)}</td>
                <td data-cell="satisfied">{formatNumber(r.satisfiedPercent)} %</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
