import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CertificateStatus, CertificateVerification } from '@siantar/contracts';
import { AppError, RateLimiter } from '@siantar/server-core';
import type { DataSource } from 'typeorm';
import type { CertificateSnapshot } from '../issuing/snapshot';
import { normaliseVerificationCode } from '../issuing/verification-code';
import { maskNip } from './nip-mask';

/** Look-ups per client address per minute (the page makes one per visit). */
export const VERIFY_RATE_PER_MINUTE = 30;

const unknownCode = () =>
  new AppError(
    404,
    'certificates.unknown-code',
    'Kode verifikasi tidak dikenal: tidak ada sertifikat dengan kode ini. Periksa kembali tautan atau kode QR pada sertifikat.',
  );

/** The public check of a certificate: status and essentials, the NIP masked. */
@Injectable()
export class VerificationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly limiter: RateLimiter,
  ) {}

  async verify(rawCode: string, clientIp: string): Promise<CertificateVerification> {
    // Counted before anything else, so malformed probes spend the allowance too.
    const d = await this.limiter.hit(`cert-verify:${clientIp}`, VERIFY_RATE_PER_MINUTE, 60_000);
    if (!d.allowed)
      throw new AppError(
        429,
        'rate-limited',
        `Terlalu banyak pemeriksaan sertifikat dari alamat ini. Coba lagi dalam ${d.retryAfterSeconds} detik.`,
        undefined,
        { 'Retry-After': String(d.retryAfterSeconds) },
      );
    const code = normaliseVerificationCode(rawCode);
    if (!code) throw unknownCode();
    const [c]: {
      code: string;
      kind: 'course' | 'webinar';
      status: CertificateStatus;
      register_number: string;
      snapshot: CertificateSnapshot;
      reissue_count: number;
      revoked_at: Date | null;
      revoke_reason: string | null;
    }[] = await this.db.query(
      `SELECT code, kind, status, register_number, snapshot, reissue_count, revoked_at, revoke_reason
         FROM certificate WHERE code = $1`,
      [code],
    );
    if (!c) throw unknownCode();
    const s = c.snapshot;
    return {
      code: c.code,
      status: c.status,
      kind: c.kind,
      registerNumber: c.register_number,
      learnerName: s.learner.name,
      nipMasked: maskNip(s.learner.nip),
      title: s.programme.title,
      jp: s.programme.jp,
      startDate: s.programme.startDate,
      endDate: s.programme.endDate,
      issuerName: s.template.issuerName,
      issuedOn: s.issuedOn,
      reissueCount: c.reissue_count,
      revokedAt: c.revoked_at?.toISOString() ?? null,
      revokeReason: c.revoke_reason,
    };
  }
}
