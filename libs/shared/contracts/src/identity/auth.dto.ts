import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import type { MeResponse } from './user.response';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

export class LoginRequest {
  /** An 18-digit NIP or an email address. */
  @IsString()
  @MinLength(3)
  @MaxLength(254)
  login!: string;

  @IsString()
  @MinLength(1)
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;
}

export class RefreshRequest {
  /** Optional in the body: browsers send it as the httpOnly cookie instead. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  refreshToken?: string;
}

export class ChangePasswordRequest {
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  currentPassword!: string;

  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(PASSWORD_MAX_LENGTH)
  newPassword!: string;
}

export class SetPasswordRequest {
  @IsString()
  @MinLength(20)
  @MaxLength(200)
  token!: string;

  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;
}

export interface AuthTokensResponse {
  accessToken: string;
  /** ISO 8601 */
  accessTokenExpiresAt: string;
  refreshToken: string;
  /** ISO 8601 */
  refreshTokenExpiresAt: string;
  user: MeResponse;
}
