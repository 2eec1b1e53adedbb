import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { LearningGainResult } from '@siantar/contracts';
import { coursePrePostGain } from '@siantar/server-assessment';
import { courseForAuthoring } from '@siantar/server-catalog';
import type { Principal } from '@siantar/server-core';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * Kirkpatrick level 2: the course's pre-test → post-test gain per learner and on average,
 * computed by the assessment domain from graded attempts (each quiz's grading method).
 */
@Injectable()
export class LearningGainService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The course's authors and the admins who review it (404 for anyone else). */
  async forCourse(courseId: string, p: Principal): Promise<LearningGainResult> {
    await courseForAuthoring(this.db.manager, courseId, p);
    return this.of(this.db.manager, courseId);
  }

  async of(em: EntityManager, courseId: string): Promise<LearningGainResult> {
    const g = await coursePrePostGain(em, courseId);
    const missing = [!g.preQuizId && 'pre-test', !g.postQuizId && 'post-test'].filter(Boolean);
    return {
      courseId,
      available: missing.length === 0,
      reason: missing.length
        ? `Kursus ini belum memiliki kuis berperan ${missing.join(' dan ')}; peningkatan belajar dihitung dari pasangan pre-test dan post-test.`
        : null,
      preQuizId: g.preQuizId,
      postQuizId: g.postQuizId,
      learners: g.learners,
      paired: g.paired,
      averagePre: g.averagePre,
      averagePost: g.averagePost,
      averageGain: g.averageGain,
      averageNormalisedGain: g.averageNormalisedGain,
      classNormalisedGain: g.classNormalisedGain,
    };
  }
}
