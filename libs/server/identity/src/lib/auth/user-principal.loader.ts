import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Role } from '@siantar/contracts';
import { PrincipalLoader, type PrincipalRecord } from '@siantar/server-core';
import type { DataSource } from 'typeorm';

interface Row {
  id: string;
  roles: Role[];
  org_unit_id: string;
  active: boolean;
  language: 'id' | 'en';
  scope_path: string | null;
}

/** One indexed read per request: enough to honour a deactivation or a role change at once. */
@Injectable()
export class UserPrincipalLoader extends PrincipalLoader {
  constructor(@InjectDataSource() private readonly db: DataSource) {
    super();
  }

  async load(userId: string): Promise<PrincipalRecord | null> {
    const rows: Row[] = await this.db.query(
      `SELECT u.id, u.roles, u.org_unit_id, u.active, u.language,
              CASE WHEN 'admin' = ANY(u.roles) THEN coalesce(s.path, o.path) END AS scope_path
         FROM app_user u
         JOIN org_unit o ON o.id = u.org_unit_id
         LEFT JOIN org_unit s ON s.id = u.admin_scope_id
        WHERE u.id = $1`,
      [userId],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      id: r.id,
      roles: r.roles,
      orgUnitId: r.org_unit_id,
      active: r.active,
      language: r.language,
      adminScopePath: r.scope_path,
    };
  }
}
