import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  CreateUserRequest,
  ListUsersQuery,
  Page,
  UpdateMeRequest,
  UpdateUserRequest,
  UserResponse,
} from '@siantar/contracts';
import {
  AppError,
  jobKey,
  notFound,
  paginate,
  type Principal,
  QueueService,
} from '@siantar/server-core';
import { DataSource, type EntityManager, QueryFailedError } from 'typeorm';
import { OrgUnit } from '../org-units/org-unit.entity';
import { OrgUnitsService } from '../org-units/org-units.service';
import { RefreshToken } from '../auth/refresh-token.entity';
import { checkUserDraft, type FieldError, type UserDraft } from './user-rules';
import { User } from './user.entity';
import { toUserResponse } from './user.mapper';

/** A unique index lost a race against a concurrent insert: same answer as the rule check. */
export function uniqueViolation(e: unknown): AppError | null {
  if (e instanceof QueryFailedError && (e.driverError as { code?: string }).code === '23505') {
    const constraint = String((e.driverError as { constraint?: string }).constraint ?? '');
    const field = constraint.includes('email') ? 'email' : 'nip';
    return new AppError(
      409,
      `users.${field}-taken`,
      `${field === 'email' ? 'Email' : 'NIP'} sudah terdaftar.`,
      [{ path: field, message: 'sudah terdaftar' }],
    );
  }
  return null;
}

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly orgUnits: OrgUnitsService,
    private readonly queue: QueueService,
  ) {}

  /** A user with everything the response needs, in one joined query. */
  private withRelations(em: EntityManager = this.db.manager) {
    return em
      .createQueryBuilder(User, 'u')
      .innerJoinAndSelect('u.orgUnit', 'unit')
      .leftJoinAndSelect('u.supervisor', 'sup')
      .leftJoinAndSelect('u.adminScope', 'scope');
  }

  /** The admin's subtree as a query condition: users outside it do not exist for that admin. */
  private scoped(principal: Principal, em: EntityManager = this.db.manager) {
    return this.withRelations(em).where(`unit.path LIKE :scope || '%'`, {
      scope: principal.adminScopePath ?? '\0',
    });
  }

  async list(query: ListUsersQuery, principal: Principal): Promise<Page<UserResponse>> {
    const qb = this.scoped(principal).orderBy('u.name', 'ASC').addOrderBy('u.id', 'ASC');
    if (query.q) {
      const q = query.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);
      qb.andWhere(`(lower(u.name) LIKE :q OR u.nip LIKE :qStart OR lower(u.email) LIKE :q)`, {
        q: `%${q}%`,
        qStart: `${q}%`,
      });
    }
    if (query.orgUnitId) {
      const unit = await this.orgUnits.get(query.orgUnitId);
      qb.andWhere(`unit.path LIKE :sub || '%'`, { sub: unit.path });
    }
    if (query.role) qb.andWhere(':role = ANY(u.roles)', { role: query.role });
    if (query.active) qb.andWhere('u.active = :active', { active: query.active === 'true' });
    return paginate(qb, query, toUserResponse);
  }

  async get(id: string, principal: Principal): Promise<UserResponse> {
    const user = await this.scoped(principal).andWhere('u.id = :id', { id }).getOne();
    if (!user) throw notFound('Pengguna');
    return toUserResponse(user);
  }

  async me(id: string): Promise<UserResponse> {
    // getOne, not findOne with relations: the latter adds a DISTINCT id lookup first.
    const user = await this.withRelations().where('u.id = :id', { id }).getOne();
    if (!user) throw notFound('Pengguna');
    return toUserResponse(user);
  }

  async updateMe(id: string, dto: UpdateMeRequest): Promise<UserResponse> {
    const patch: Partial<User> = {};
    if (dto.language) patch.language = dto.language;
    if (dto.phone !== undefined) patch.phone = dto.phone || null;
    if (Object.keys(patch).length > 0) await this.db.manager.update(User, id, patch);
    return this.me(id);
  }

  /** Resolves references and checks every rule; returns the problems, none when the user is fine. */
  async problemsOf(
    dto: CreateUserRequest,
    principal: Principal,
    em: EntityManager,
    existingId?: string,
  ): Promise<FieldError[]> {
    const orgUnit = await em.findOneBy(OrgUnit, { id: dto.orgUnitId });
    const supervisor = dto.supervisorId ? await em.findOneBy(User, { id: dto.supervisorId }) : null;
    const adminScope = dto.adminScopeId
      ? await em.findOneBy(OrgUnit, { id: dto.adminScopeId })
      : null;
    const missing: FieldError[] = [];
    if (!orgUnit) missing.push({ path: 'orgUnitId', message: 'unit organisasi tidak ditemukan' });
    if (dto.supervisorId && !supervisor)
      missing.push({ path: 'supervisorId', message: 'atasan tidak ditemukan' });
    if (dto.adminScopeId && !adminScope)
      missing.push({ path: 'adminScopeId', message: 'unit wilayah admin tidak ditemukan' });
    if (!orgUnit || missing.length > 0) return missing;
    const draft: UserDraft = {
      id: existingId,
      nip: dto.nip ?? null,
      email: dto.email,
      employmentType: dto.employmentType,
      rank: dto.rank ?? null,
      roles: dto.roles,
      orgUnit,
      supervisor,
      adminScope,
    };
    return checkUserDraft(draft, principal, em);
  }

  /**
   * Creates the user and queues the welcome email in one transaction: the
   * enqueue is the last step, so a Redis failure rolls the user back and a
   * commit failure leaves only a job that finds no user and ends.
   */
  async createIn(em: EntityManager, dto: CreateUserRequest, principal: Principal): Promise<string> {
    const errors = await this.problemsOf(dto, principal, em);
    if (errors.length > 0) {
      throw new AppError(
        errors.some((e) => e.message.includes('sudah')) ? 409 : 400,
        'users.invalid',
        `Pengguna tidak dapat dibuat — ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`,
        errors,
      );
    }
    const user = em.create(User, {
      nip: dto.nip ?? null,
      name: dto.name,
      email: dto.email,
      phone: dto.phone ?? null,
      position: dto.position,
      rank: dto.rank ?? null,
      employmentType: dto.employmentType,
      orgUnitId: dto.orgUnitId,
      roles: dto.roles,
      supervisorId: dto.supervisorId ?? null,
      adminScopeId: dto.roles.includes('admin') ? (dto.adminScopeId ?? null) : null,
      language: dto.language ?? 'id',
      active: true,
      failedLoginCount: 0,
      passwordHash: null,
    });
    await em.save(user);
    await this.queue.enqueue(
      'identity.welcome-email',
      { userId: user.id },
      { jobId: jobKey('welcome-email', user.id) },
    );
    return user.id;
  }

  async create(dto: CreateUserRequest, principal: Principal): Promise<UserResponse> {
    try {
      const id = await this.db.transaction((em) => this.createIn(em, dto, principal));
      return this.me(id);
    } catch (e) {
      throw uniqueViolation(e) ?? e;
    }
  }

  async update(id: string, dto: UpdateUserRequest, principal: Principal): Promise<UserResponse> {
    try {
      await this.db.transaction(async (em) => {
        const user = await this.scoped(principal, em).andWhere('u.id = :id', { id }).getOne();
        if (!user) throw notFound('Pengguna');
        if (id === principal.id && dto.roles && !dto.roles.includes('admin')) {
          throw new AppError(
            400,
            'users.self-demotion',
            'Anda tidak dapat mencabut peran admin Anda sendiri.',
          );
        }
        const merged: CreateUserRequest = {
          nip: user.nip ?? undefined,
          name: dto.name ?? user.name,
          email: dto.email ?? user.email,
          position: dto.position ?? user.position,
          employmentType: user.employmentType,
          rank: dto.rank ?? user.rank ?? undefined,
          orgUnitId: dto.orgUnitId ?? user.orgUnitId,
          roles: dto.roles ?? user.roles,
          supervisorId: dto.supervisorId ?? user.supervisorId ?? undefined,
          adminScopeId: dto.adminScopeId ?? user.adminScopeId ?? undefined,
        };
        const errors = await this.problemsOf(merged, principal, em, id);
        if (errors.length > 0) {
          throw new AppError(
            400,
            'users.invalid',
            `Perubahan ditolak — ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`,
            errors,
          );
        }
        await em.update(User, id, {
          name: merged.name,
          email: merged.email,
          phone: dto.phone !== undefined ? dto.phone || null : user.phone,
          position: merged.position,
          rank: merged.rank ?? null,
          orgUnitId: merged.orgUnitId,
          roles: merged.roles,
          supervisorId: merged.supervisorId ?? null,
          adminScopeId: merged.roles.includes('admin') ? (merged.adminScopeId ?? null) : null,
        });
      });
    } catch (e) {
      throw uniqueViolation(e) ?? e;
    }
    return this.get(id, principal);
  }

  /** Deactivation also ends every session of that user. */
  async setActive(id: string, active: boolean, principal: Principal): Promise<UserResponse> {
    if (id === principal.id && !active) {
      throw new AppError(
        400,
        'users.self-deactivation',
        'Anda tidak dapat menonaktifkan akun Anda sendiri.',
      );
    }
    await this.db.transaction(async (em) => {
      const user = await this.scoped(principal, em).andWhere('u.id = :id', { id }).getOne();
      if (!user) throw notFound('Pengguna');
      await em.update(User, id, { active, failedLoginCount: 0, lockedUntil: null });
      if (!active) {
        await em
          .createQueryBuilder()
          .update(RefreshToken)
          .set({ revokedAt: () => 'now()' })
          .where('user_id = :id AND revoked_at IS NULL', { id })
          .execute();
      }
    });
    return this.get(id, principal);
  }
}
