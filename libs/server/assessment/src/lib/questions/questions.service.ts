import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  Page,
  QuestionDetail,
  QuestionDraft,
  QuestionListQuery,
  QuestionSummary,
  SaveQuestionRequest,
} from '@siantar/contracts';
import { notFound, type Principal } from '@siantar/server-core';
import type { DataSource, EntityManager } from 'typeorm';
import { bankAccess, bankForEdit } from '../banks/bank-access';
import { checkDraft } from './draft-check';
import { questionHtml } from './question-html';

interface SummaryRow {
  id: string;
  bank_id: string;
  category_id: string;
  type: QuestionSummary['type'];
  name: string;
  number: number;
  tags: string[];
  updated_at: Date;
}

const SUMMARY_SQL = `
  SELECT q.id, q.bank_id, q.category_id, v.type, v.name, v.number, q.tags, q.updated_at
    FROM question q JOIN question_version v ON v.id = q.current_version_id`;

/** The columns of a version that a draft fills, in the order of `versionValues`. */
const VERSION_COLUMNS = [
  'type',
  'name',
  'text',
  'format',
  'html',
  'general_feedback',
  'default_mark',
  'body',
];

const versionValues = (draft: QuestionDraft): unknown[] => [
  draft.body.type,
  draft.name,
  draft.text,
  draft.format,
  questionHtml(draft.format, draft.text),
  draft.generalFeedback ?? null,
  draft.defaultMark,
  JSON.stringify(draft.body),
];

/** Inserts a question version from a checked draft and returns its id. */
export async function insertVersion(
  em: EntityManager,
  questionId: string,
  number: number,
  draft: QuestionDraft,
  userId: string | null,
): Promise<string> {
  const [row] = await em.query<{ id: string }[]>(
    `INSERT INTO question_version (question_id, number, created_by, ${VERSION_COLUMNS.join(', ')})
     VALUES ($1, $2, $3, ${VERSION_COLUMNS.map((_, i) => `$${i + 4}`).join(', ')}) RETURNING id`,
    [questionId, number, userId, ...versionValues(draft)],
  );
  return row.id;
}

/** Creates a question (version 1) in a category; the caller has checked the bank. */
export async function insertQuestion(
  em: EntityManager,
  bankId: string,
  categoryId: string,
  draft: QuestionDraft,
  tags: string[],
  userId: string | null,
): Promise<string> {
  const [q] = await em.query<{ id: string }[]>(
    `INSERT INTO question (bank_id, category_id, tags, created_by) VALUES ($1, $2, $3, $4) RETURNING id`,
    [bankId, categoryId, tags, userId],
  );
  const versionId = await insertVersion(em, q.id, 1, draft, userId);
  await em.query(`UPDATE question SET current_version_id = $2 WHERE id = $1`, [q.id, versionId]);
  return q.id;
}

@Injectable()
export class QuestionsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(
    bankId: string,
    query: QuestionListQuery,
    p: Principal,
  ): Promise<Page<QuestionSummary>> {
    await bankAccess(this.db.manager, bankId, p);
    const where = ['q.bank_id = $1'];
    const args: unknown[] = [bankId];
    if (query.categoryId) {
      args.push(query.categoryId);
      where.push(`q.category_id = $${args.length}`);
    }
    if (query.tag) {
      args.push(query.tag);
      where.push(`$${args.length} = ANY (q.tags)`);
    }
    if (query.type) {
      args.push(query.type);
      where.push(`v.type = $${args.length}`);
    }
    if (query.q) {
      args.push(`%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where.push(`(v.name ILIKE $${args.length} OR v.text ILIKE $${args.length})`);
    }
    args.push(query.limit, query.offset);
    const rows: (SummaryRow & { total: string })[] = await this.db.query(
      `${SUMMARY_SQL.replace('SELECT', 'SELECT count(*) OVER () AS total,')} WHERE ${where.join(' AND ')}
        ORDER BY v.name, q.id LIMIT $${args.length - 1} OFFSET $${args.length}`,
      args,
    );
    return {
      items: rows.map(summary),
      total: Number(rows[0]?.total ?? 0),
      limit: query.limit,
      offset: query.offset,
    };
  }

  create(bankId: string, dto: SaveQuestionRequest, p: Principal): Promise<QuestionDetail> {
    const draft = checkDraft(dto.draft);
    return this.db.transaction(async (em) => {
      await bankForEdit(em, bankId, p);
      await this.categoryOf(em, bankId, dto.categoryId);
      const id = await insertQuestion(em, bankId, dto.categoryId, draft, cleanTags(dto.tags), p.id);
      return this.detailIn(em, id);
    });
  }

  async get(questionId: string, p: Principal): Promise<QuestionDetail> {
    const bankId = await this.bankOf(this.db.manager, questionId);
    await bankAccess(this.db.manager, bankId, p);
    return this.detailIn(this.db.manager, questionId);
  }

  /**
   * Saves an edit. A version any attempt has used is history: the edit becomes
   * a new version, and existing attempts keep theirs until an explicit regrade.
   */
  update(questionId: string, dto: SaveQuestionRequest, p: Principal): Promise<QuestionDetail> {
    const draft = checkDraft(dto.draft);
    return this.db.transaction(async (em) => {
      const [q] = await em.query<{ bank_id: string; current_version_id: string }[]>(
        `SELECT bank_id, current_version_id FROM question WHERE id = $1 FOR UPDATE`,
        [questionId],
      );
      if (!q) throw notFound('Soal');
      await bankForEdit(em, q.bank_id, p);
      await this.categoryOf(em, q.bank_id, dto.categoryId);
      const used: unknown[] = await em.query(
        `SELECT 1 FROM attempt_slot WHERE question_version_id = $1 LIMIT 1`,
        [q.current_version_id],
      );
      if (used.length > 0) {
        const [{ next }] = await em.query<{ next: number }[]>(
          `SELECT max(number) + 1 AS next FROM question_version WHERE question_id = $1`,
          [questionId],
        );
        const versionId = await insertVersion(em, questionId, next, draft, p.id);
        await em.query(`UPDATE question SET current_version_id = $2 WHERE id = $1`, [
          questionId,
          versionId,
        ]);
      } else {
        await em.query(
          `UPDATE question_version SET ${VERSION_COLUMNS.map((c, i) => `${c} = $${i + 2}`).join(', ')}
            WHERE id = $1`,
          [q.current_version_id, ...versionValues(draft)],
        );
      }
      await em.query(
        `UPDATE question SET category_id = $2, tags = coalesce($3, tags), updated_at = now() WHERE id = $1`,
        [questionId, dto.categoryId, dto.tags ? cleanTags(dto.tags) : null],
      );
      return this.detailIn(em, questionId);
    });
  }

  private async bankOf(em: EntityManager, questionId: string): Promise<string> {
    const rows: { bank_id: string }[] = await em.query(
      `SELECT bank_id FROM question WHERE id = $1`,
      [questionId],
    );
    if (!rows[0]) throw notFound('Soal');
    return rows[0].bank_id;
  }

  private async categoryOf(em: EntityManager, bankId: string, categoryId: string): Promise<void> {
    const rows: unknown[] = await em.query(
      `SELECT 1 FROM question_category WHERE id = $1 AND bank_id = $2`,
      [categoryId, bankId],
    );
    if (rows.length === 0) throw notFound('Kategori di bank soal ini');
  }

  private async detailIn(em: EntityManager, questionId: string): Promise<QuestionDetail> {
    const [row] = await em.query<
      (SummaryRow & {
        version_id: string;
        text: string;
        format: QuestionDraft['format'];
        general_feedback: string | null;
        default_mark: string;
        body: QuestionDraft['body'];
        path: string;
      })[]
    >(
      `SELECT q.id, q.bank_id, q.category_id, v.type, v.name, v.number, q.tags, q.updated_at, v.id AS version_id,
              v.text, v.format, v.general_feedback, v.default_mark, v.body, c.path
         FROM question q JOIN question_version v ON v.id = q.current_version_id
         JOIN question_category c ON c.id = q.category_id WHERE q.id = $1`,
      [questionId],
    );
    const versions: { number: number; id: string; created_at: Date; used: string }[] =
      await em.query(
        `SELECT v.number, v.id, v.created_at,
              (SELECT count(DISTINCT s.attempt_id) FROM attempt_slot s WHERE s.question_version_id = v.id) AS used
         FROM question_version v WHERE v.question_id = $1 ORDER BY v.number`,
        [questionId],
      );
    return {
      ...summary(row),
      versionId: row.version_id,
      draft: {
        name: row.name,
        text: row.text,
        format: row.format,
        ...(row.general_feedback ? { generalFeedback: row.general_feedback } : {}),
        defaultMark: Number(row.default_mark),
        body: row.body,
        category: row.path,
        tags: row.tags,
      },
      versions: versions.map((v) => ({
        number: v.number,
        versionId: v.id,
        createdAt: new Date(v.created_at).toISOString(),
        usedInAttempts: Number(v.used),
      })),
    };
  }
}

const cleanTags = (tags: string[] | undefined): string[] => [
  ...new Set((tags ?? []).map((t) => t.trim().toLowerCase()).filter(Boolean)),
];

const summary = (r: SummaryRow): QuestionSummary => ({
  id: r.id,
  bankId: r.bank_id,
  categoryId: r.category_id,
  type: r.type,
  name: r.name,
  version: r.number,
  tags: r.tags,
  updatedAt: new Date(r.updated_at).toISOString(),
});
