import type { ExportJobView } from '@siantar/contracts';
import {
  bucketBelowTarget,
  bucketLabel,
  exportRunning,
  jpBarPercent,
  newerExport,
  share,
} from './report-math';

const job = (over: Partial<ExportJobView>): ExportJobView => ({
  id: 'e1',
  table: 'people',
  format: 'xlsx',
  status: 'running',
  progress: 0,
  rows: 0,
  totalRows: null,
  downloadUrl: null,
  filename: null,
  error: null,
  createdAt: '2026-01-01T00:00:00Z',
  finishedAt: null,
  ...over,
});

describe('report math', () => {
  it('labels JP buckets from their bounds', () => {
    expect(bucketLabel({ from: 0, to: 4 })).toBe('0–4 JP');
    expect(bucketLabel({ from: 30, to: null })).toBe('30+ JP');
    expect(bucketBelowTarget({ from: 15, to: 19 }, 20)).toBe(true);
    expect(bucketBelowTarget({ from: 20, to: 29 }, 20)).toBe(false);
    expect(bucketBelowTarget({ from: 30, to: null }, 20)).toBe(false);
  });

  it('computes shares and bar widths', () => {
    expect(share(1, 3)).toBe(33.3);
    expect(share(3, 0)).toBeNull();
    expect(jpBarPercent(10, 20)).toBe(50);
    expect(jpBarPercent(25, 20)).toBe(100);
    expect(jpBarPercent(-2, 20)).toBe(0);
    expect(jpBarPercent(3, null)).toBe(100);
    expect(jpBarPercent(0, null)).toBe(0);
  });

  it('keeps the newer export state whatever order events and polls arrive in', () => {
    const running = job({ progress: 60, rows: 600 });
    expect(newerExport(running, job({ progress: 40, rows: 400 }))).toMatchObject({
      progress: 60,
      rows: 600,
    });
    const done = job({ status: 'done', progress: 100, downloadUrl: '/x' });
    expect(newerExport(running, done)).toBe(done);
    expect(newerExport(done, job({ progress: 90 }))).toBe(done);
    const other = job({ id: 'e2' });
    expect(newerExport(done, other)).toBe(other);
    expect(newerExport(null, running)).toBe(running);
  });

  it('says whether an export is still running', () => {
    expect(exportRunning(job({ status: 'queued' }))).toBe(true);
    expect(exportRunning(job({ status: 'failed' }))).toBe(false);
    expect(exportRunning(null)).toBe(false);
  });
});
