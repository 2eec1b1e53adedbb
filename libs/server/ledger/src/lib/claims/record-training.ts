import type { ExternalTrainingFields } from '@siantar/contracts';
import { AppError } from '@siantar/server-core';
import type { EntityManager } from 'typeorm';
import { appendLedgerCredit } from '../entries/append-entry';
import { evidenceFieldErrors } from '../evidence/evidence.service';
import { wibDate } from '../wib-date';
import { trainingFieldErrors } from './training-rules';

/**
 * Refuses, with one 400 naming every field, an external training whose dates, JP,
 * type or evidence are wrong. `uploader`: whose own upload the evidence must be
 * (null when an admin enters the training and evidence is optional).
 */
export async function assertValidTraining(
  em: EntityManager,
  f: ExternalTrainingFields,
  evidenceFileId: string | undefined,
  uploader: string | null,
): Promise<void> {
  const errors = [
    ...trainingFieldErrors(f, wibDate(new Date())),
    ...(await evidenceFieldErrors(em, evidenceFileId, uploader)),
  ];
  if (errors.length > 0) {
    throw new AppError(
      400,
      'validation',
      `Data pelatihan tidak valid — ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`,
      errors,
    );
  }
}

export async function insertClaim(
  em: EntityManager,
  f: ExternalTrainingFields,
  o: {
    userId: string;
    submittedBy: string;
    evidenceFileId?: string;
    decidedBy?: string;
  },
): Promise<string> {
  // ON CONFLICT: the unique index on evidence_file_id answers a race the check above can't see.
  const rows: { id: string }[] = await em.query(
    `INSERT INTO external_training_claim (user_id, submitted_by, title, provider, training_type, route,
            competency_type, start_date, end_date, jp, certificate_number, evidence_file_id,
            status, decided_by, decided_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12,
             CASE WHEN $13::uuid IS NULL THEN 'pending' ELSE 'approved' END, $13,
             CASE WHEN $13::uuid IS NULL THEN NULL ELSE now() END)
     ON CONFLICT (evidence_file_id) DO NOTHING
     RETURNING id`,
    [
      o.userId,
      o.submittedBy,
      f.title,
      f.provider,
      f.trainingType,
      f.route,
      f.competencyType,
      f.startDate,
      f.endDate,
      f.jp,
      f.certificateNumber || null,
      o.evidenceFileId ?? null,
      o.decidedBy ?? null,
    ],
  );
  if (!rows[0])
    throw new AppError(400, 'validation', 'Bukti ini sudah dipakai untuk klaim lain.', [
      { path: 'evidenceFileId', message: 'sudah dipakai untuk klaim lain; unggah bukti baru' },
    ]);
  return rows[0].id;
}

/** Writes the credit of an approved claim, dated its end date; the new entry's id. */
export async function creditClaim(
  em: EntityManager,
  claimId: string,
  recordedBy: string,
): Promise<string> {
  const [c]: (ExternalTrainingFields & { userId: string })[] = await em.query(
    `SELECT user_id AS "userId", title, provider, training_type AS "trainingType", route,
            competency_type AS "competencyType", start_date::text AS "startDate",
            end_date::text AS "endDate", jp::float8 AS jp, certificate_number AS "certificateNumber"
       FROM external_training_claim WHERE id = $1`,
    [claimId],
  );
  const id = await appendLedgerCredit(em, {
    ...c,
    entryDate: c.endDate,
    source: 'external',
    sourceRef: claimId,
    recordedBy,
  });
  if (!id) {
    throw new AppError(409, 'claims.already-credited', 'Klaim ini sudah tercatat di buku JP.');
  }
  return id;
}
