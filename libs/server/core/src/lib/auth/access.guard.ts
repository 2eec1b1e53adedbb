import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AppError } from '../http/app-error';
import { ACCESS_RULE, type AccessRule } from './access-rules';
import type { Principal } from './principal';
import { TokenVerifier, unauthorized } from './token-verifier';

/** The global guard: reads the route's rule, verifies the bearer token, loads the caller. */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenVerifier,
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
    return this.tokens.verify(token);
  }
}
