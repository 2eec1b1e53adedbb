import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  ImportConfirmRequest,
  ImportError,
  ImportPreviewRequest,
  ImportPreviewResponse,
  ImportResult,
  QuestionDraft,
} from '@siantar/contracts';
import { AppError, fileSlug, type Principal } from '@siantar/server-core';
import type { DataSource } from 'typeorm';
import { parseQuestions } from '../import/import-preview';
import { writeGift } from '../import/gift-writer';
import { checkDraft } from '../questions/draft-check';
import { insertQuestion } from '../questions/questions.service';
import { bankAccess, bankForEdit } from './bank-access';
import { ensureCategoryPath, TOP_CATEGORY } from './banks.service';

/** GIFT/Aiken in, GIFT out. */
@Injectable()
export class BankTransferService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  preview(dto: ImportPreviewRequest): ImportPreviewResponse {
    const parsed = parseQuestions(dto.format, dto.text);
    // The stored form is checked too, so that the preview never promises what the import refuses.
    const errors: ImportError[] = [...parsed.errors];
    const questions = parsed.questions.filter((q) => {
      try {
        checkDraft(q.draft);
        return true;
      } catch (e) {
        errors.push({ line: q.line, message: e instanceof AppError ? e.detail : String(e) });
        return false;
      }
    });
    errors.sort((a, b) => a.line - b.line);
    return { questions, errors };
  }

  /** Parses the text again and saves every good question in one transaction. */
  import(bankId: string, dto: ImportConfirmRequest, p: Principal): Promise<ImportResult> {
    const { questions, errors } = this.preview(dto);
    if (questions.length === 0)
      throw new AppError(
        400,
        'imports.nothing-to-import',
        'Tidak ada soal yang bisa diimpor dari berkas ini; perbaiki kesalahan yang dilaporkan di pratinjau.',
        errors.map((e) => ({ path: `baris ${e.line}`, message: e.message })),
      );
    return this.db.transaction(async (em) => {
      await bankForEdit(em, bankId, p);
      let fallback: string;
      if (dto.categoryId) {
        const rows: { id: string }[] = await em.query(
          `SELECT id FROM question_category WHERE id = $1 AND bank_id = $2`,
          [dto.categoryId, bankId],
        );
        if (!rows[0])
          throw new AppError(404, 'not-found', 'Kategori di bank soal ini tidak ditemukan.');
        fallback = rows[0].id;
      } else {
        fallback = (await ensureCategoryPath(em, bankId, TOP_CATEGORY)).id;
      }
      const byPath = new Map<string, string>();
      let categoriesCreated = 0;
      for (const q of questions) {
        let categoryId = fallback;
        const path = q.draft.category?.trim();
        if (path) {
          let id = byPath.get(path);
          if (!id) {
            const made = await ensureCategoryPath(em, bankId, path);
            categoriesCreated += made.created;
            id = made.id;
            byPath.set(path, id);
          }
          categoryId = id;
        }
        await insertQuestion(em, bankId, categoryId, checkDraft(q.draft), q.draft.tags ?? [], p.id);
      }
      return { imported: questions.length, errors, categoriesCreated };
    });
  }

  async exportGift(bankId: string, p: Principal): Promise<{ filename: string; text: string }> {
    const { bank } = await bankAccess(this.db.manager, bankId, p);
    const rows: {
      name: string;
      text: string;
      format: QuestionDraft['format'];
      general_feedback: string | null;
      default_mark: string;
      body: QuestionDraft['body'];
      path: string;
      tags: string[];
    }[] = await this.db.query(
      `SELECT v.name, v.text, v.format, v.general_feedback, v.default_mark, v.body, c.path, q.tags
           FROM question q JOIN question_version v ON v.id = q.current_version_id
           JOIN question_category c ON c.id = q.category_id
          WHERE q.bank_id = $1 ORDER BY c.path, v.name, q.id`,
      [bankId],
    );
    const drafts: QuestionDraft[] = rows.map((r) => ({
      name: r.name,
      text: r.text,
      format: r.format,
      ...(r.general_feedback ? { generalFeedback: r.general_feedback } : {}),
      defaultMark: Number(r.default_mark),
      body: r.body,
      category: r.path,
      tags: r.tags,
    }));
    const { text, skipped } = writeGift(drafts);
    const note = skipped
      .map((s) => `// Tidak diekspor: ${s.name.replace(/\n/g, ' ')} — ${s.reason}\n`)
      .join('');
    return {
      filename: `${fileSlug(bank.name, 'bank-soal')}.gift.txt`,
      text: note + (note ? '\n' : '') + text,
    };
  }
}
