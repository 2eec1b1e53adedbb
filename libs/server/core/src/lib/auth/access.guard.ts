import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Request } from 'express';
import { AppError } from '../http/app-error';
import { ACCESS_RULE, type AccessRule } from './access-rules';
import { type AccessTokenClaims, type Principal, PrincipalLoader } from './principal';

const unauthorized = (detail: string) =>
  new AppError(401, 'unauthorized', detail, undefined, {
    'WWW-Authenticate': 'Bearer',
  });

/** The global guard: reads the route's rule, verifies the bearer token, loads the caller. */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly principals: PrincipalLoader,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      ctx.getHandler(),
      ctx.getClass(),
    ]);
    if (!rule) throw new AppError(403, 'forbidden', 'Rute ini belum memiliki aturan akses.');
    if (rule.kind === 'public') return true;

    const req = ctx.switchToHttp().getRequest<Request & { principal?: Principal }>();
    const principal = await this.authenticate(req);
    req.principal = principal;
    if (rule.kind === 'roles' && !rule.roles.some((r) => principal.roles.includes(r))) {
      throw new AppError(
        403,
        'forbidden',
        `Hanya pengguna dengan peran ${rule.roles.join(' atau ')} yang boleh melakukan ini.`,
      );
    }
    return true;
  }

  private async authenticate(req: Request): Promise<Principal> {
    const header = req.headers.authorization;
    if (!header) throw unauthorized('Silakan masuk terlebih dahulu (token akses tidak ada).');
    const [scheme, token] = header.split(' ');
    if (scheme !== 'Bearer' || !token) {
      throw unauthorized('Header Authorization harus berbentuk "Bearer <token>".');
    }
    let claims: AccessTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims>(token, { algorithms: ['HS256'] });
    } catch (e) {
      const expired = e instanceof Error && e.name === 'TokenExpiredError';
      throw unauthorized(
        expired
          ? 'Token akses sudah kedaluwarsa; perbarui dengan token penyegar.'
          : 'Token akses tidak valid.',
      );
    }
    if (claims.typ !== 'access') throw unauthorized('Token ini bukan token akses.');
    const record = await this.principals.load(claims.sub);
    if (!record || !record.active)
      throw unauthorized('Akun tidak ditemukan atau sudah dinonaktifkan.');
    const { active: _active, ...principal } = record;
    return principal;
  }
}
