import type {
  CompetencyType,
  CompletionRules,
  DeliveryMode,
  EnrolmentStatus,
  Language,
  LessonType,
  VersionStatus,
} from '@siantar/contracts';
import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

const numeric = { to: (v: number) => v, from: (v: string | null) => (v === null ? 0 : Number(v)) };

@Entity({ name: 'course' })
export class Course {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'varchar' }) code!: string;
  @Column({ type: 'uuid' }) ownerOrgUnitId!: string;
  @Column({ type: 'uuid', nullable: true }) createdBy!: string | null;
  @Column({ type: 'uuid', nullable: true }) currentVersionId!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) archivedAt!: Date | null;
  @Column({ type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
}

@Entity({ name: 'course_version' })
export class CourseVersion {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) courseId!: string;
  @Column({ type: 'int' }) number!: number;
  @Column({ type: 'varchar' }) status!: VersionStatus;
  @Column({ type: 'varchar' }) title!: string;
  @Column({ type: 'text' }) summary!: string;
  @Column({ type: 'uuid', nullable: true }) coverFileId!: string | null;
  @Column({ type: 'varchar' }) competencyType!: CompetencyType;
  @Column({ type: 'varchar' }) deliveryMode!: DeliveryMode;
  @Column({ type: 'numeric', transformer: numeric }) jp!: number;
  @Column({ type: 'uuid', array: true }) targetOrgUnitIds!: string[];
  @Column({ type: 'text', array: true }) targetPositions!: string[];
  @Column({ type: 'text', array: true }) targetRanks!: string[];
  @Column({ type: 'uuid', array: true }) prerequisiteCourseIds!: string[];
  @Column({ type: 'timestamptz', nullable: true }) enrolOpensAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) enrolClosesAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) completionDeadline!: Date | null;
  @Column({ type: 'smallint', array: true }) reminderDays!: number[];
  @Column({ type: 'varchar' }) language!: Language;
  @Column({ type: 'boolean' }) selfEnrol!: boolean;
  @Column({ type: 'boolean' }) sequential!: boolean;
  @Column({ type: 'jsonb' }) completionRules!: CompletionRules;
  @Column({ type: 'text', nullable: true }) changelog!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) publishedAt!: Date | null;
  @Column({ type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
  @Column({ type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
}

@Entity({ name: 'course_module' })
export class CourseModule {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) versionId!: string;
  @Column({ type: 'int' }) position!: number;
  @Column({ type: 'varchar' }) title!: string;
}

@Entity({ name: 'lesson' })
export class Lesson {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) versionId!: string;
  @Column({ type: 'uuid' }) moduleId!: string;
  @Column({ type: 'uuid', default: () => 'gen_random_uuid()' }) key!: string;
  @Column({ type: 'int' }) position!: number;
  @Column({ type: 'varchar' }) type!: LessonType;
  @Column({ type: 'varchar' }) title!: string;
  @Column({ type: 'int' }) durationMinutes!: number;
  @Column({ type: 'jsonb' }) content!: Record<string, unknown>;
}

@Entity({ name: 'enrolment' })
export class Enrolment {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) courseId!: string;
  @Column({ type: 'uuid' }) versionId!: string;
  @Column({ type: 'uuid' }) userId!: string;
  @Column({ type: 'varchar' }) status!: EnrolmentStatus;
  @Column({ type: 'varchar' }) source!: 'self' | 'admin' | 'bulk';
  @Column({ type: 'uuid', nullable: true }) enrolledBy!: string | null;
  @Column({ type: 'timestamptz', default: () => 'now()' }) enrolledAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) completedAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) withdrawnAt!: Date | null;
  @Column({ type: 'uuid', nullable: true }) withdrawnBy!: string | null;
}

@Entity({ name: 'course_author' })
export class CourseAuthor {
  @PrimaryColumn({ type: 'uuid' }) courseId!: string;
  @PrimaryColumn({ type: 'uuid' }) userId!: string;
}

export const CATALOG_ENTITIES = [
  Course,
  CourseVersion,
  CourseModule,
  Lesson,
  Enrolment,
  CourseAuthor,
];
