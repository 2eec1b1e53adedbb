import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { LiveAttendanceReport } from '@siantar/contracts';
import { forbidden, notFound, type Principal, toCsv } from '@siantar/server-core';
import type { DataSource } from 'typeorm';
import { SESSION_SELECT, type SessionRow } from '../sessions/session-row';
import { mayJoin, mayManage } from '../sessions/session-access';
import { attendanceReport } from './attendance-records';

const WIB = new Intl.DateTimeFormat('id-ID', {
  timeZone: 'Asia/Jakarta',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The attendance list for those who run the session (trainers, authors, admins in reach). */
@Injectable()
export class AttendanceService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async report(sessionId: string, p: Principal): Promise<LiveAttendanceReport> {
    const [s]: SessionRow[] = await this.db.query(`${SESSION_SELECT} WHERE s.id = $1`, [sessionId]);
    if (!s) throw notFound('Sesi langsung');
    if (!(await mayManage(this.db.manager, s, p))) {
      if (await mayJoin(this.db.manager, sessionId, p.id))
        throw forbidden('Daftar hadir hanya untuk pelatih sesi dan admin.');
      throw notFound('Sesi langsung');
    }
    return attendanceReport(this.db.manager, s);
  }

  async csv(sessionId: string, p: Principal): Promise<{ filename: string; text: string }> {
    const r = await this.report(sessionId, p);
    const text = toCsv(
      [
        'Nama',
        'NIP',
        'Unit',
        'Hadir (menit)',
        'Persentase hadir',
        'Memenuhi syarat',
        'JP dikreditkan',
        'Jawaban polling',
        'Polling benar',
        'Interval hadir (WIB)',
      ],
      r.rows.map((a) => [
        a.name,
        a.nip,
        a.orgUnitName,
        a.minutes,
        Math.round(a.share * 1000) / 10,
        a.meetsRule ? 'ya' : 'tidak',
        a.creditedJp,
        a.pollAnswers,
        a.pollCorrect,
        a.intervals
          .map((i) => `${WIB.format(new Date(i.from))}–${WIB.format(new Date(i.to))}`)
          .join(' '),
      ]),
      { bom: true },
    );
    return { filename: `daftar-hadir-${sessionId.slice(0, 8)}.csv`, text };
  }
}
