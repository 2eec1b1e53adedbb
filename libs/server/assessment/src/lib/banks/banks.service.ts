import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  BankDetail,
  BankListQuery,
  BankSummary,
  CategoryNode,
  CreateBankRequest,
  CreateCategoryRequest,
  Page,
} from '@siantar/contracts';
import { courseForAuthoring } from '@siantar/server-catalog';
import { AppError, notFound, type Principal } from '@siantar/server-core';
import type { DataSource, EntityManager } from 'typeorm';
import { type BankRow, bankAccess, bankForEdit } from './bank-access';

/** Every bank starts with this category; imports without `$CATEGORY:` land in it. */
export const TOP_CATEGORY = 'Umum';

interface CategoryRow {
  id: string;
  name: string;
  parent_id: string | null;
  path: string;
  question_count: string;
}

@Injectable()
export class BanksService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(query: BankListQuery, p: Principal): Promise<Page<BankSummary>> {
    if (query.courseId) await courseForAuthoring(this.db.manager, query.courseId, p);
    // Shared banks for every trainer/admin, plus the course banks of courses the caller authors.
    // Shared banks are for trainers and admins (partners see their courses' banks only).
    const shared = `(b.course_id IS NULL AND $4::boolean)`;
    const where = query.courseId
      ? `(b.course_id = $1 OR ${shared})`
      : `(${shared} OR EXISTS (SELECT 1 FROM course_author a WHERE a.course_id = b.course_id AND a.user_id = $1))`;
    const staff = p.roles.includes('trainer') || p.roles.includes('admin');
    const rows: (BankRow & { question_count: string; total: string })[] = await this.db.query(
      `SELECT b.*, (SELECT count(*) FROM question q WHERE q.bank_id = b.id) AS question_count,
              count(*) OVER () AS total
         FROM question_bank b WHERE ${where}
        ORDER BY b.course_id NULLS LAST, b.name LIMIT $2 OFFSET $3`,
      [query.courseId ?? p.id, query.limit, query.offset, staff],
    );
    return {
      items: rows.map((r) => summary(r, Number(r.question_count))),
      total: Number(rows[0]?.total ?? 0),
      limit: query.limit,
      offset: query.offset,
    };
  }

  create(dto: CreateBankRequest, p: Principal): Promise<BankDetail> {
    return this.db.transaction(async (em) => {
      let owner = p.orgUnitId;
      if (dto.courseId) {
        const { course } = await courseForAuthoring(em, dto.courseId, p);
        owner = course.ownerOrgUnitId;
      }
      const [bank] = await em.query<BankRow[]>(
        `INSERT INTO question_bank (name, course_id, owner_org_unit_id, created_by) VALUES ($1, $2, $3, $4) RETURNING *`,
        [dto.name, dto.courseId ?? null, owner, p.id],
      );
      await em.query(`INSERT INTO question_category (bank_id, name, path) VALUES ($1, $2, $3)`, [
        bank.id,
        TOP_CATEGORY,
        TOP_CATEGORY,
      ]);
      return this.detailIn(em, bank, true);
    });
  }

  async detail(bankId: string, p: Principal): Promise<BankDetail> {
    const { bank, canEdit } = await bankAccess(this.db.manager, bankId, p);
    return this.detailIn(this.db.manager, bank, canEdit);
  }

  addCategory(bankId: string, dto: CreateCategoryRequest, p: Principal): Promise<CategoryNode> {
    return this.db.transaction(async (em) => {
      await bankForEdit(em, bankId, p);
      if (dto.name.includes('/'))
        throw new AppError(400, 'categories.invalid-name', 'Nama kategori tidak boleh memuat "/".');
      let path = dto.name;
      if (dto.parentId) {
        const parent: { path: string }[] = await em.query(
          `SELECT path FROM question_category WHERE id = $1 AND bank_id = $2`,
          [dto.parentId, bankId],
        );
        if (!parent[0]) throw notFound('Kategori induk');
        path = `${parent[0].path}/${dto.name}`;
      }
      const rows: CategoryRow[] = await em.query(
        `INSERT INTO question_category (bank_id, parent_id, name, path) VALUES ($1, $2, $3, $4)
         ON CONFLICT (bank_id, path) DO NOTHING RETURNING *, 0 AS question_count`,
        [bankId, dto.parentId ?? null, dto.name, path],
      );
      if (!rows[0])
        throw new AppError(409, 'categories.exists', `Kategori "${path}" sudah ada di bank ini.`);
      return node(rows[0]);
    });
  }

  private async detailIn(em: EntityManager, bank: BankRow, canEdit: boolean): Promise<BankDetail> {
    const categories: CategoryRow[] = await em.query(
      `SELECT c.*, (SELECT count(*) FROM question q WHERE q.category_id = c.id) AS question_count
         FROM question_category c WHERE c.bank_id = $1 ORDER BY c.path`,
      [bank.id],
    );
    const count = categories.reduce((s, c) => s + Number(c.question_count), 0);
    return { ...summary(bank, count), categories: categories.map(node), canEdit };
  }
}

/** Finds or creates the category `path` (`A/B/C`) in a bank, parents first. */
export async function ensureCategoryPath(
  em: EntityManager,
  bankId: string,
  path: string,
): Promise<{ id: string; created: number }> {
  const parts = path
    .split('/')
    .map((s) => s.trim())
    .filter(Boolean);
  let parentId: string | null = null;
  let current = '';
  let created = 0;
  for (const name of parts.length > 0 ? parts : [TOP_CATEGORY]) {
    current = current ? `${current}/${name}` : name;
    const inserted: { id: string }[] = await em.query(
      `INSERT INTO question_category (bank_id, parent_id, name, path) VALUES ($1, $2, $3, $4)
       ON CONFLICT (bank_id, path) DO NOTHING RETURNING id`,
      [bankId, parentId, name, current],
    );
    if (inserted[0]) created++;
    const [row] = await em.query<{ id: string }[]>(
      `SELECT id FROM question_category WHERE bank_id = $1 AND path = $2`,
      [bankId, current],
    );
    parentId = row.id;
  }
  return { id: parentId as string, created };
}

const summary = (b: BankRow, questionCount: number): BankSummary => ({
  id: b.id,
  name: b.name,
  courseId: b.course_id,
  questionCount,
  createdAt: new Date(b.created_at).toISOString(),
});

const node = (c: CategoryRow): CategoryNode => ({
  id: c.id,
  name: c.name,
  parentId: c.parent_id,
  path: c.path,
  questionCount: Number(c.question_count),
});
