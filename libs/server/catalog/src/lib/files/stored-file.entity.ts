import type { FilePurpose } from '@siantar/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * What a stored file is for: the public purposes of POST /files, plus zips of SCORM packages
 * and evidence that learners upload through their own routes (post-training follow-ups).
 */
export type StoredFilePurpose = FilePurpose | 'scorm' | 'evidence';

/** PostgreSQL returns bigint as a string; sizes here stay far below 2^53. */
export const bigintNumber = {
  to: (v: number | null | undefined) => v,
  from: (v: string | null) => (v === null ? null : Number(v)),
};

@Entity({ name: 'stored_file' })
export class StoredFile {
  /** Also the last part of the storage key `files/<id>`. */
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ type: 'varchar' })
  purpose!: StoredFilePurpose;

  @Column({ type: 'text' })
  storageKey!: string;

  /** The name the uploader's file had (shown and used for downloads). */
  @Column({ type: 'varchar' })
  filename!: string;

  /** Decided from the magic bytes, never from the name or the client's claim. */
  @Column({ type: 'varchar' })
  contentType!: string;

  @Column({ type: 'bigint', transformer: bigintNumber })
  size!: number;

  @Column({ type: 'char', length: 64 })
  sha256!: string;

  @Column({ type: 'uuid', nullable: true })
  uploadedBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
