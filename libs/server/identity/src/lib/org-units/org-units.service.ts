import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type {
  CreateOrgUnitRequest,
  OrgUnitKind,
  OrgUnitResponse,
  UpdateOrgUnitRequest,
} from '@siantar/contracts';
import { AppError, notFound, type Principal } from '@siantar/server-core';
import { DataSource, type EntityManager, Repository } from 'typeorm';
import { OrgUnit } from './org-unit.entity';

/** Which kind of unit may sit under which; null = a root. */
const ALLOWED_PARENTS: Record<OrgUnitKind, (OrgUnitKind | null)[]> = {
  pemda: [null],
  opd: ['pemda'],
  bidang: ['opd', 'bidang', 'mitra'],
  mitra: [null],
};

export const isWithin = (unitPath: string, scopePath: string) => unitPath.startsWith(scopePath);

@Injectable()
export class OrgUnitsService {
  constructor(
    @InjectRepository(OrgUnit) private readonly units: Repository<OrgUnit>,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async list(): Promise<OrgUnitResponse[]> {
    const rows = await this.units.find({ order: { path: 'ASC' } });
    const counts: { org_unit_id: string; n: string }[] = await this.db.query(
      `SELECT org_unit_id, count(*) AS n FROM app_user WHERE active GROUP BY org_unit_id`,
    );
    const countOf = new Map(counts.map((c) => [c.org_unit_id, Number(c.n)]));
    const byId = new Map(rows.map((r) => [r.id, r]));
    return rows
      .map((r) => ({
        id: r.id,
        code: r.code,
        name: r.name,
        kind: r.kind,
        parentId: r.parentId,
        path: r.path
          .split('/')
          .filter(Boolean)
          .map((id) => byId.get(id)?.name ?? '?'),
        userCount: countOf.get(r.id) ?? 0,
      }))
      .sort((a, b) => a.path.join('/').localeCompare(b.path.join('/'), 'id'));
  }

  async get(id: string, em: EntityManager = this.db.manager): Promise<OrgUnit> {
    const unit = await em.findOneBy(OrgUnit, { id });
    if (!unit) throw notFound('Unit organisasi');
    return unit;
  }

  findByCode(code: string, em: EntityManager = this.db.manager): Promise<OrgUnit | null> {
    return em.findOneBy(OrgUnit, { code: code.trim().toUpperCase() });
  }

  private assertInScope(unit: OrgUnit | null, principal: Principal): void {
    const scope = principal.adminScopePath;
    if (!scope)
      throw new AppError(
        403,
        'org-units.admin-only',
        'Hanya admin yang dapat mengubah unit organisasi.',
      );
    if (
      unit === null ? scope.split('/').filter(Boolean).length !== 1 : !isWithin(unit.path, scope)
    ) {
      throw new AppError(
        403,
        'org-units.out-of-scope',
        unit === null
          ? 'Hanya admin tingkat kota yang dapat membuat unit tingkat teratas.'
          : `Unit ${unit.name} berada di luar wilayah kewenangan Anda.`,
      );
    }
  }

  async create(dto: CreateOrgUnitRequest, principal: Principal): Promise<OrgUnitResponse> {
    return this.db.transaction(async (em) => {
      const parent = dto.parentId ? await this.get(dto.parentId, em) : null;
      this.assertInScope(parent, principal);
      if (!ALLOWED_PARENTS[dto.kind].includes(parent?.kind ?? null)) {
        throw new AppError(
          400,
          'org-units.bad-parent',
          parent
            ? `Unit berjenis ${dto.kind} tidak dapat berada di bawah unit berjenis ${parent.kind}.`
            : `Unit berjenis ${dto.kind} harus memiliki induk.`,
          [{ path: 'parentId', message: 'induk tidak sesuai jenis unit' }],
        );
      }
      if (await this.findByCode(dto.code, em)) {
        throw new AppError(409, 'org-units.code-taken', `Kode unit ${dto.code} sudah dipakai.`, [
          { path: 'code', message: 'kode sudah dipakai' },
        ]);
      }
      const unit = em.create(OrgUnit, {
        code: dto.code,
        name: dto.name,
        kind: dto.kind,
        parentId: parent?.id ?? null,
        path: '',
      });
      await em.save(unit);
      unit.path = `${parent?.path ?? '/'}${unit.id}/`;
      await em.update(OrgUnit, unit.id, { path: unit.path });
      return this.describe(unit, em);
    });
  }

  async update(
    id: string,
    dto: UpdateOrgUnitRequest,
    principal: Principal,
  ): Promise<OrgUnitResponse> {
    return this.db.transaction(async (em) => {
      const unit = await this.get(id, em);
      this.assertInScope(unit, principal);
      if (dto.name) await em.update(OrgUnit, id, { name: dto.name });
      if (dto.parentId && dto.parentId !== unit.parentId) {
        const parent = await this.get(dto.parentId, em);
        this.assertInScope(parent, principal);
        if (isWithin(parent.path, unit.path)) {
          throw new AppError(
            400,
            'org-units.cycle',
            'Unit tidak dapat dipindahkan ke bawah dirinya sendiri atau sub-unitnya.',
          );
        }
        if (!ALLOWED_PARENTS[unit.kind].includes(parent.kind)) {
          throw new AppError(
            400,
            'org-units.bad-parent',
            `Unit berjenis ${unit.kind} tidak dapat berada di bawah unit berjenis ${parent.kind}.`,
          );
        }
        const newPath = `${parent.path}${unit.id}/`;
        // Re-root the whole subtree in one statement.
        await em.query(
          `UPDATE org_unit SET path = $2 || substr(path, length($1) + 1), updated_at = now()
            WHERE path LIKE $1 || '%'`,
          [unit.path, newPath],
        );
        await em.update(OrgUnit, id, { parentId: parent.id });
      }
      return this.describe(await this.get(id, em), em);
    });
  }

  private async describe(unit: OrgUnit, em: EntityManager): Promise<OrgUnitResponse> {
    const ids = unit.path.split('/').filter(Boolean);
    const ancestors = await em.findBy(
      OrgUnit,
      ids.map((id) => ({ id })),
    );
    const names = new Map(ancestors.map((a) => [a.id, a.name]));
    const count: { n: string }[] = await em.query(
      `SELECT count(*) AS n FROM app_user WHERE org_unit_id = $1 AND active`,
      [unit.id],
    );
    return {
      id: unit.id,
      code: unit.code,
      name: unit.name,
      kind: unit.kind,
      parentId: unit.parentId,
      path: ids.map((i) => names.get(i) ?? '?'),
      userCount: Number(count[0]?.n ?? 0),
    };
  }
}
