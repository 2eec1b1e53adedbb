import type { EmploymentType, Language, Role } from '@siantar/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { OrgUnit } from '../org-units/org-unit.entity';

@Entity({ name: 'app_user' })
export class User {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'char', length: 18, nullable: true })
  nip!: string | null;

  @Column({ type: 'varchar' })
  name!: string;

  @Column({ type: 'varchar' })
  email!: string;

  @Column({ type: 'varchar', nullable: true })
  phone!: string | null;

  @Column({ type: 'varchar' })
  position!: string;

  @Column({ type: 'varchar', nullable: true })
  rank!: string | null;

  @Column({ type: 'varchar' })
  employmentType!: EmploymentType;

  @Column({ type: 'uuid' })
  orgUnitId!: string;

  @ManyToOne(() => OrgUnit, { nullable: false })
  @JoinColumn({ name: 'org_unit_id' })
  orgUnit?: OrgUnit;

  @Column({ type: 'text', array: true })
  roles!: Role[];

  @Column({ type: 'uuid', nullable: true })
  supervisorId!: string | null;

  @ManyToOne(() => User, { nullable: true })
  @JoinColumn({ name: 'supervisor_id' })
  supervisor?: User | null;

  @Column({ type: 'uuid', nullable: true })
  adminScopeId!: string | null;

  @ManyToOne(() => OrgUnit, { nullable: true })
  @JoinColumn({ name: 'admin_scope_id' })
  adminScope?: OrgUnit | null;

  @Column({ type: 'varchar' })
  language!: Language;

  @Column({ type: 'text', nullable: true, select: false })
  passwordHash!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  passwordChangedAt!: Date | null;

  @Column({ type: 'boolean' })
  active!: boolean;

  @Column({ type: 'int' })
  failedLoginCount!: number;

  @Column({ type: 'timestamptz', nullable: true })
  lockedUntil!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
