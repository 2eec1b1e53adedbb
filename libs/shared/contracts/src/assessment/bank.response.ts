import type { ImportError, QuestionDraft, QuestionType } from './question';

export interface BankSummary {
  id: string;
  name: string;
  courseId: string | null;
  questionCount: number;
  createdAt: string;
}

export interface CategoryNode {
  id: string;
  name: string;
  parentId: string | null;
  /** `Pelayanan/Disdukcapil` */
  path: string;
  questionCount: number;
}

export interface BankDetail extends BankSummary {
  categories: CategoryNode[];
  canEdit: boolean;
}

export interface QuestionSummary {
  id: string;
  bankId: string;
  categoryId: string;
  type: QuestionType;
  name: string;
  version: number;
  tags: string[];
  updatedAt: string;
}

export interface QuestionDetail extends QuestionSummary {
  versionId: string;
  draft: QuestionDraft;
  versions: { number: number; versionId: string; createdAt: string; usedInAttempts: number }[];
}

export interface ImportResult {
  imported: number;
  errors: ImportError[];
  categoriesCreated: number;
}
