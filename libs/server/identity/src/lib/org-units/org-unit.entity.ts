import type { OrgUnitKind } from '@siantar/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

@Entity({ name: 'org_unit' })
export class OrgUnit {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar' })
  code!: string;

  @Column({ type: 'varchar' })
  name!: string;

  @Column({ type: 'varchar' })
  kind!: OrgUnitKind;

  @Column({ type: 'uuid', nullable: true })
  parentId!: string | null;

  /** '/<root id>/…/<own id>/': a subtree is every unit whose path starts with this one's. */
  @Column({ type: 'text' })
  path!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
