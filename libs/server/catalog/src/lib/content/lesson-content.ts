import type { LessonType } from '@siantar/contracts';
import { AppError } from '@siantar/server-core';
import type { EntityManager } from 'typeorm';
import { sanitizeLessonHtml } from './sanitize';
import { normalizeSimulationContent } from './simulation-content';

type Raw = Record<string, unknown>;

const bad = (message: string, path = 'content') =>
  new AppError(400, 'lessons.invalid-content', `Isi materi tidak valid — ${path}: ${message}`, [
    { path, message },
  ]);

const httpUrl = (v: unknown, path: string): string => {
  if (typeof v !== 'string' || v.length > 2000) throw bad('harus berupa URL', path);
  let u: URL;
  try {
    u = new URL(v);
  } catch {
    throw bad(`"${v}" bukan URL yang valid (contoh: https://contoh.go.id/video.mp4)`, path);
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:')
    throw bad('hanya alamat http:// atau https:// yang diizinkan', path);
  return u.toString();
};

const onlyKeys = (raw: Raw, keys: string[]) => {
  const extra = Object.keys(raw).filter((k) => !keys.includes(k));
  if (extra.length > 0)
    throw bad(
      `kolom tidak dikenal: ${extra.join(', ')} (yang diterima: ${keys.join(', ') || 'tidak ada'})`,
    );
};

async function fileOf(
  em: EntityManager,
  id: unknown,
  purpose: 'video' | 'document',
  path: string,
): Promise<string> {
  if (typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id))
    throw bad('harus id berkas (UUID) dari unggahan', path);
  const rows: unknown[] = await em.query(
    `SELECT 1 FROM stored_file WHERE id = $1 AND purpose = $2`,
    [id, purpose],
  );
  if (rows.length === 0)
    throw bad(`berkas ${purpose} dengan id ini tidak ada; unggah dulu lewat POST /files`, path);
  return id;
}

/**
 * Checks an author's lesson content for its type and returns what is stored:
 * text gets its sanitised HTML next to the source, references must exist.
 */
export async function normalizeLessonContent(
  type: LessonType,
  raw: Raw,
  em: EntityManager,
  courseId: string,
  lessonTitle = '',
): Promise<Raw> {
  switch (type) {
    case 'text': {
      onlyKeys(raw, ['format', 'source', 'minSeconds', 'html']);
      const format = raw['format'] ?? 'markdown';
      if (format !== 'markdown' && format !== 'html')
        throw bad('format harus "markdown" atau "html"', 'content.format');
      if (typeof raw['source'] !== 'string' || raw['source'].length > 200_000) {
        throw bad('teks materi wajib diisi (maksimal 200.000 karakter)', 'content.source');
      }
      const minSeconds = raw['minSeconds'] ?? 30;
      if (typeof minSeconds !== 'number' || minSeconds < 5 || minSeconds > 3600) {
        throw bad('minSeconds antara 5 dan 3600', 'content.minSeconds');
      }
      return {
        format,
        source: raw['source'],
        minSeconds,
        html: sanitizeLessonHtml(format, raw['source']),
      };
    }
    case 'video': {
      onlyKeys(raw, ['fileId', 'url', 'completionShare']);
      const share = raw['completionShare'] ?? 0.9;
      if (typeof share !== 'number' || share < 0.5 || share > 1) {
        throw bad('completionShare antara 0.5 dan 1', 'content.completionShare');
      }
      if ((raw['fileId'] === undefined) === (raw['url'] === undefined)) {
        throw bad('isi salah satu: fileId (video yang diunggah) atau url (video eksternal)');
      }
      return raw['fileId'] !== undefined
        ? {
            fileId: await fileOf(em, raw['fileId'], 'video', 'content.fileId'),
            completionShare: share,
          }
        : { url: httpUrl(raw['url'], 'content.url'), completionShare: share };
    }
    case 'document':
      onlyKeys(raw, ['fileId']);
      return { fileId: await fileOf(em, raw['fileId'], 'document', 'content.fileId') };
    case 'link':
      onlyKeys(raw, ['url']);
      return { url: httpUrl(raw['url'], 'content.url') };
    case 'scorm': {
      onlyKeys(raw, ['packageId']);
      const id = raw['packageId'];
      if (typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id))
        throw bad('harus id paket SCORM (UUID)', 'content.packageId');
      const rows: { status: string }[] = await em.query(
        `SELECT status FROM scorm_package WHERE id = $1`,
        [id],
      );
      if (!rows[0])
        throw bad(
          'paket SCORM tidak ditemukan; unggah dulu lewat POST /scorm-packages',
          'content.packageId',
        );
      if (rows[0].status !== 'ready') {
        throw bad(
          `paket SCORM belum siap (status: ${rows[0].status}); tunggu sampai selesai diproses`,
          'content.packageId',
        );
      }
      return { packageId: id };
    }
    case 'quiz': {
      onlyKeys(raw, ['quizId']);
      const id = raw['quizId'];
      if (typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id))
        throw bad('harus id kuis (UUID)', 'content.quizId');
      const rows: unknown[] = await em.query(
        `SELECT 1 FROM quiz WHERE id = $1 AND course_id = $2`,
        [id, courseId],
      );
      if (rows.length === 0)
        throw bad(
          'kuis tidak ditemukan di kursus ini; buat dulu lewat POST /quizzes',
          'content.quizId',
        );
      return { quizId: id };
    }
    case 'simulation':
      return normalizeSimulationContent(raw, em, lessonTitle);
    case 'live-session':
      return {};
  }
}
