import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type AuthTokensResponse,
  ChangePasswordRequest,
  LoginRequest,
  RefreshRequest,
  SetPasswordRequest,
} from '@siantar/contracts';
import {
  AppError,
  Authenticated,
  CurrentUser,
  EnvSchema,
  type Principal,
  Public,
  RateLimiter,
} from '@siantar/server-core';
import type { Request, Response } from 'express';
import { AuthService, type ClientInfo } from './auth.service';
import { PasswordTokensService } from './password-tokens.service';

export const REFRESH_COOKIE = 'sb_refresh';
const COOKIE_PATH = '/api/v1/auth';

function client(req: Request): ClientInfo {
  return { ip: req.ip ?? null, userAgent: req.get('user-agent') ?? null };
}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly passwordTokens: PasswordTokensService,
    private readonly limiter: RateLimiter,
    private readonly config: EnvSchema,
  ) {}

  /** Per-address limit across all accounts: stops spraying many accounts from one place. */
  private async limit(req: Request, action: string): Promise<void> {
    const d = await this.limiter.hit(
      `${action}:${req.ip ?? 'unknown'}`,
      this.config.LOGIN_RATE_PER_MINUTE,
      60_000,
    );
    if (!d.allowed) {
      throw new AppError(
        429,
        'rate-limited',
        `Terlalu banyak percobaan dari alamat ini. Coba lagi dalam ${d.retryAfterSeconds} detik.`,
        undefined,
        { 'Retry-After': String(d.retryAfterSeconds) },
      );
    }
  }

  private setCookie(res: Response, tokens: AuthTokensResponse): void {
    res.cookie(REFRESH_COOKIE, tokens.refreshToken, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.PUBLIC_URL.startsWith('https://'),
      path: COOKIE_PATH,
      expires: new Date(tokens.refreshTokenExpiresAt),
    });
  }

  private presented(req: Request, body: RefreshRequest): string | undefined {
    const cookies = req.cookies as Record<string, string | undefined> | undefined;
    return body.refreshToken ?? cookies?.[REFRESH_COOKIE];
  }

  @Public()
  @Post('login')
  @HttpCode(200)
  async login(
    @Body() body: LoginRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AuthTokensResponse> {
    await this.limit(req, 'login');
    const tokens = await this.auth.login(body.login, body.password, client(req));
    this.setCookie(res, tokens);
    return tokens;
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  async refresh(
    @Body() body: RefreshRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AuthTokensResponse> {
    const token = this.presented(req, body);
    if (!token)
      throw new AppError(401, 'auth.refresh-missing', 'Belum masuk (token penyegar tidak ada).');
    const tokens = await this.auth.refresh(token, client(req));
    this.setCookie(res, tokens);
    return tokens;
  }

  /** Public so that a browser with an expired access token can still end its session. */
  @Public()
  @Post('logout')
  @HttpCode(204)
  async logout(
    @Body() body: RefreshRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    await this.auth.logout(this.presented(req, body));
    res.clearCookie(REFRESH_COOKIE, { path: COOKIE_PATH });
  }

  @Authenticated()
  @Post('password')
  @HttpCode(204)
  async changePassword(
    @Body() body: ChangePasswordRequest,
    @CurrentUser() me: Principal,
    @Req() req: Request,
  ): Promise<void> {
    await this.limit(req, 'password');
    await this.auth.changePassword(
      me.id,
      body.currentPassword,
      body.newPassword,
      this.presented(req, {}),
    );
  }

  @Public()
  @Post('set-password')
  @HttpCode(204)
  async setPassword(@Body() body: SetPasswordRequest, @Req() req: Request): Promise<void> {
    await this.limit(req, 'set-password');
    await this.passwordTokens.use(body.token, body.password);
  }
}
