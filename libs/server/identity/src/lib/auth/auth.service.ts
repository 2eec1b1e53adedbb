import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthTokensResponse } from '@siantar/contracts';
import { AppError, EnvSchema } from '@siantar/server-core';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { RefreshToken } from './refresh-token.entity';
import { decoyHash, hashPassword, newOpaqueToken, sha256, verifyPassword } from './secrets';

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

const invalidCredentials = () =>
  new AppError(401, 'auth.invalid-credentials', 'NIP/email atau kata sandi salah.');
const invalidRefresh = (detail = 'Sesi telah berakhir; silakan masuk kembali.') =>
  new AppError(401, 'auth.refresh-invalid', detail);

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly jwt: JwtService,
    private readonly config: EnvSchema,
    private readonly users: UsersService,
  ) {}

  async login(login: string, password: string, client: ClientInfo): Promise<AuthTokensResponse> {
    const key = login.trim().toLowerCase();
    const qb = this.db.manager.createQueryBuilder(User, 'u').addSelect('u.passwordHash');
    const user = await (
      /^\d{18}$/.test(key)
        ? qb.where('u.nip = :key', { key })
        : qb.where('lower(u.email) = :key', { key })
    ).getOne();

    if (!user || !user.passwordHash) {
      await verifyPassword(await decoyHash(), password);
      throw invalidCredentials();
    }
    const now = new Date();
    if (user.lockedUntil && user.lockedUntil > now) {
      const minutes = Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 60000);
      throw new AppError(
        423,
        'auth.locked',
        `Akun dikunci sementara karena ${this.config.LOGIN_MAX_FAILURES} kali gagal masuk. Coba lagi dalam ${minutes} menit, atau minta admin BKPSDM membukanya.`,
        undefined,
        { 'Retry-After': String(minutes * 60) },
      );
    }
    if (!(await verifyPassword(user.passwordHash, password))) {
      await this.recordFailure(user.id);
      throw invalidCredentials();
    }
    if (!user.active) {
      throw new AppError(
        403,
        'auth.inactive',
        'Akun ini sudah dinonaktifkan. Hubungi admin BKPSDM bila ini keliru.',
      );
    }
    if (user.failedLoginCount > 0 || user.lockedUntil) {
      await this.db.manager.update(User, user.id, { failedLoginCount: 0, lockedUntil: null });
    }
    return this.issue(this.db.manager, user.id, randomUUID(), client);
  }

  /** Counts a failure atomically; the Nth failure locks the account for LOGIN_LOCK_MINUTES. */
  private async recordFailure(userId: string): Promise<void> {
    await this.db.query(
      `UPDATE app_user
          SET failed_login_count = CASE WHEN failed_login_count + 1 >= $2 THEN 0 ELSE failed_login_count + 1 END,
              locked_until = CASE WHEN failed_login_count + 1 >= $2 THEN now() + make_interval(mins => $3) ELSE locked_until END
        WHERE id = $1`,
      [userId, this.config.LOGIN_MAX_FAILURES, this.config.LOGIN_LOCK_MINUTES],
    );
  }

  private async issue(
    em: EntityManager,
    userId: string,
    familyId: string,
    client: ClientInfo,
  ): Promise<AuthTokensResponse> {
    const refreshToken = newOpaqueToken();
    const refreshExpires = new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_DAYS * 86400_000);
    await em.insert(RefreshToken, {
      familyId,
      userId,
      tokenHash: sha256(refreshToken),
      expiresAt: refreshExpires,
      userAgent: client.userAgent?.slice(0, 300) ?? null,
      ip: client.ip?.slice(0, 64) ?? null,
    });
    const accessToken = await this.jwt.signAsync({ sub: userId, typ: 'access' });
    return {
      accessToken,
      accessTokenExpiresAt: new Date(
        Date.now() + this.config.ACCESS_TOKEN_TTL * 1000,
      ).toISOString(),
      refreshToken,
      refreshTokenExpiresAt: refreshExpires.toISOString(),
      user: await this.users.me(userId),
    };
  }

  /**
   * Rotation: each refresh token works once. Presenting a used or revoked one
   * means it was copied, so the whole family (that sign-in) is revoked.
   */
  async refresh(token: string, client: ClientInfo): Promise<AuthTokensResponse> {
    const outcome = await this.db.transaction(async (em) => {
      const row = await em
        .createQueryBuilder(RefreshToken, 't')
        .setLock('pessimistic_write')
        .where('t.tokenHash = :h', { h: sha256(token) })
        .getOne();
      if (!row) return { error: invalidRefresh() };
      if (row.usedAt || row.revokedAt) {
        await this.revokeFamily(em, row.familyId);
        return {
          error: invalidRefresh(
            'Token penyegar ini sudah pernah dipakai; demi keamanan semua sesi dari perangkat ini diakhiri. Silakan masuk kembali.',
          ),
        };
      }
      if (row.expiresAt <= new Date()) return { error: invalidRefresh() };
      const user = await em.findOneBy(User, { id: row.userId });
      if (!user?.active) {
        await this.revokeFamily(em, row.familyId);
        return { error: invalidRefresh('Akun sudah dinonaktifkan.') };
      }
      await em.update(RefreshToken, row.id, { usedAt: new Date() });
      return { tokens: await this.issue(em, row.userId, row.familyId, client) };
    });
    // The revocation must commit even though the caller gets an error.
    if ('error' in outcome) throw outcome.error;
    return outcome.tokens;
  }

  private async revokeFamily(em: EntityManager, familyId: string): Promise<void> {
    await em.update(RefreshToken, { familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  async logout(token: string | undefined): Promise<void> {
    if (!token) return;
    const row = await this.db.manager.findOneBy(RefreshToken, { tokenHash: sha256(token) });
    if (row) await this.revokeFamily(this.db.manager, row.familyId);
  }

  /** Ends every other sign-in of the user; the one presenting `keepToken` stays. */
  async changePassword(
    userId: string,
    current: string,
    next: string,
    keepToken: string | undefined,
  ): Promise<void> {
    const user = await this.db.manager
      .createQueryBuilder(User, 'u')
      .addSelect('u.passwordHash')
      .where('u.id = :userId', { userId })
      .getOne();
    if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, current))) {
      throw new AppError(400, 'auth.wrong-password', 'Kata sandi saat ini salah.', [
        { path: 'currentPassword', message: 'kata sandi salah' },
      ]);
    }
    if (current === next) {
      throw new AppError(
        400,
        'auth.same-password',
        'Kata sandi baru harus berbeda dari yang lama.',
        [{ path: 'newPassword', message: 'sama dengan kata sandi lama' }],
      );
    }
    const hash = await hashPassword(next);
    const keep = keepToken
      ? await this.db.manager.findOneBy(RefreshToken, { tokenHash: sha256(keepToken), userId })
      : null;
    await this.db.transaction(async (em) => {
      await em.update(User, userId, { passwordHash: hash, passwordChangedAt: new Date() });
      const qb = em
        .createQueryBuilder()
        .update(RefreshToken)
        .set({ revokedAt: () => 'now()' })
        .where('user_id = :userId AND revoked_at IS NULL', { userId });
      if (keep) qb.andWhere('family_id <> :family', { family: keep.familyId });
      await qb.execute();
    });
  }
}
