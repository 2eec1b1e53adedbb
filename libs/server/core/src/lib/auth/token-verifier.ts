import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppError } from '../http/app-error';
import { type AccessTokenClaims, type Principal, PrincipalLoader } from './principal';

export const unauthorized = (detail: string) =>
  new AppError(401, 'unauthorized', detail, undefined, {
    'WWW-Authenticate': 'Bearer',
  });

/** Turns an access token into the caller, for HTTP (AccessGuard) and socket.io handshakes alike. */
@Injectable()
export class TokenVerifier {
  constructor(
    private readonly jwt: JwtService,
    private readonly principals: PrincipalLoader,
  ) {}

  async verify(token: string): Promise<Principal> {
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
