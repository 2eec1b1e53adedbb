import type { ScormPackageStatus } from '@siantar/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { bigintNumber, StoredFile } from '../files/stored-file.entity';
import type { ScormItem } from './manifest';

@Entity({ name: 'scorm_package' })
export class ScormPackage {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The uploaded zip (stored_file, purpose 'scorm'). */
  @Column({ type: 'uuid' })
  fileId!: string;

  @ManyToOne(() => StoredFile, { nullable: false })
  @JoinColumn({ name: 'file_id' })
  file?: StoredFile;

  @Column({ type: 'uuid', nullable: true })
  uploadedBy!: string | null;

  @Column({ type: 'varchar' })
  status!: ScormPackageStatus;

  @Column({ type: 'smallint' })
  progress!: number;

  /** Why the package was refused, in Indonesian. */
  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @Column({ type: 'varchar', nullable: true })
  title!: string | null;

  @Column({ type: 'varchar', nullable: true })
  scormVersion!: string | null;

  /** Relative to the package root, with the item's parameters, e.g. 'shared/launchpage.html?x=1'. */
  @Column({ type: 'text', nullable: true })
  launchHref!: string | null;

  @Column({ type: 'jsonb' })
  items!: ScormItem[];

  @Column({ type: 'int', nullable: true })
  fileCount!: number | null;

  @Column({ type: 'bigint', nullable: true, transformer: bigintNumber })
  totalBytes!: number | null;

  /** Storage key prefix of the unpacked files: '<prefix>/<path inside the package>'. */
  @Column({ type: 'text', nullable: true })
  contentPrefix!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
