import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppError } from '@siantar/server-core';
import type { DataSource } from 'typeorm';
import { User } from '../users/user.entity';
import { PasswordToken } from './password-token.entity';
import { hashPassword, newOpaqueToken, sha256 } from './secrets';

/** One-time links to set a password (sent in the welcome email). */
@Injectable()
export class PasswordTokensService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Returns the token itself; only its hash is stored. */
  async create(userId: string, validHours = 72): Promise<string> {
    const token = newOpaqueToken();
    await this.db.manager.insert(PasswordToken, {
      userId,
      tokenHash: sha256(token),
      expiresAt: new Date(Date.now() + validHours * 3600_000),
    });
    return token;
  }

  async use(token: string, password: string): Promise<void> {
    const hash = await hashPassword(password);
    await this.db.transaction(async (em) => {
      const row = await em
        .createQueryBuilder(PasswordToken, 't')
        .setLock('pessimistic_write')
        .where('t.tokenHash = :h', { h: sha256(token) })
        .getOne();
      if (!row || row.usedAt || row.expiresAt <= new Date()) {
        throw new AppError(
          400,
          'auth.password-token-invalid',
          'Tautan atur kata sandi tidak berlaku (sudah dipakai atau kedaluwarsa). Minta tautan baru ke admin.',
        );
      }
      await em.update(PasswordToken, row.id, { usedAt: new Date() });
      await em.update(User, row.userId, {
        passwordHash: hash,
        passwordChangedAt: new Date(),
        failedLoginCount: 0,
        lockedUntil: null,
      });
    });
  }
}
