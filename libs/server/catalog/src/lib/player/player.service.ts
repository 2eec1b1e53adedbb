import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { LessonPlayerResponse } from '@siantar/contracts';
import { AppError, notFound, type Principal } from '@siantar/server-core';
import type { DataSource } from 'typeorm';
import { FilesService } from '../files/files.service';
import { ScormPackagesService } from '../scorm/scorm-packages.service';
import { DEFAULT_VIDEO_SHARE } from '../progress/lesson-rules';
import { LearnerCourseService } from './learner-course.service';

/** Everything the player needs for one lesson, with short-lived signed URLs for media. */
@Injectable()
export class PlayerService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly course: LearnerCourseService,
    private readonly files: FilesService,
    private readonly scorm: ScormPackagesService,
  ) {}

  async lesson(enrolmentId: string, lessonId: string, p: Principal): Promise<LessonPlayerResponse> {
    const em = this.db.manager;
    await this.course.own(em, enrolmentId, p);
    const rows = await this.course.outline(em, enrolmentId);
    const i = rows.findIndex((r) => r.lesson_id === lessonId);
    if (i < 0) throw notFound('Materi pada kursus ini');
    const row = rows[i];
    if (row.locked) {
      throw new AppError(
        403,
        'lesson-locked',
        `Materi ini terkunci. ${row.lockedReason ?? ''}`.trim(),
      );
    }
    const [{ content }] = await em.query<{ content: Record<string, unknown> }[]>(
      `SELECT content FROM lesson WHERE id = $1`,
      [lessonId],
    );
    const base: LessonPlayerResponse = {
      lessonId,
      enrolmentId,
      type: row.type,
      title: row.title,
      durationMinutes: row.duration_minutes,
      previousLessonId: rows[i - 1]?.lesson_id ?? null,
      nextLessonId: rows[i + 1]?.lesson_id ?? null,
      progress: LearnerCourseService.progressOf(row),
    };
    switch (row.type) {
      case 'text':
        return {
          ...base,
          text: {
            html: String(content['html'] ?? ''),
            minSeconds: Number(content['minSeconds'] ?? 30),
          },
        };
      case 'video': {
        const share = Number(content['completionShare'] ?? DEFAULT_VIDEO_SHARE);
        if (typeof content['fileId'] === 'string') {
          return {
            ...base,
            video: {
              url: this.files.signedUrl(content['fileId']),
              external: false,
              completionShare: share,
            },
          };
        }
        return {
          ...base,
          video: { url: String(content['url']), external: true, completionShare: share },
        };
      }
      case 'document': {
        const fileId = String(content['fileId']);
        const [file] = await em.query<{ filename: string; content_type: string }[]>(
          `SELECT filename, content_type FROM stored_file WHERE id = $1`,
          [fileId],
        );
        return {
          ...base,
          document: {
            url: this.files.signedUrl(fileId),
            downloadUrl: this.files.signedUrl(fileId, { download: true }),
            filename: file?.filename ?? 'dokumen.pdf',
            contentType: file?.content_type ?? 'application/pdf',
          },
        };
      }
      case 'link':
        return { ...base, link: { url: String(content['url']) } };
      case 'scorm':
        return {
          ...base,
          scorm: { launchUrl: await this.scorm.launchUrl(String(content['packageId']), p.id) },
        };
      case 'quiz':
        return { ...base, quiz: { quizId: String(content['quizId']) } };
      case 'live-session':
      case 'simulation':
        return base;
    }
  }
}
