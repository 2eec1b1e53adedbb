import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { MulterModule } from '@nestjs/platform-express';
import { TypeOrmModule } from '@nestjs/typeorm';
import {
  AccessGuard,
  EnvSchema,
  PrincipalLoader,
  TokenVerifier,
  UserEventsGateway,
} from '@siantar/server-core';
import { AuthController } from './auth/auth.controller';
import { AuthService } from './auth/auth.service';
import { PasswordTokensService } from './auth/password-tokens.service';
import { PasswordToken } from './auth/password-token.entity';
import { RefreshToken } from './auth/refresh-token.entity';
import { UserPrincipalLoader } from './auth/user-principal.loader';
import { UserImportService } from './import/user-import.service';
import { OrgUnit } from './org-units/org-unit.entity';
import { OrgUnitsController } from './org-units/org-units.controller';
import { OrgUnitsService } from './org-units/org-units.service';
import { MeController } from './users/me.controller';
import { User } from './users/user.entity';
import { UsersController } from './users/users.controller';
import { UsersService } from './users/users.service';

export const IDENTITY_ENTITIES = [OrgUnit, User, RefreshToken, PasswordToken];

/**
 * Users, org units and sign-in. It also installs the global AccessGuard and the
 * `/notifications` socket.io gateway, because only this domain knows how to load the caller.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature(IDENTITY_ENTITIES),
    MulterModule.registerAsync({
      inject: [EnvSchema],
      useFactory: (config: EnvSchema) => ({
        limits: { fileSize: config.UPLOAD_LIMIT_BYTES, files: 1 },
      }),
    }),
  ],
  controllers: [AuthController, MeController, UsersController, OrgUnitsController],
  providers: [
    UsersService,
    OrgUnitsService,
    AuthService,
    PasswordTokensService,
    UserImportService,
    { provide: PrincipalLoader, useClass: UserPrincipalLoader },
    TokenVerifier,
    // The user's own socket.io room lives here because only this domain can load a caller.
    UserEventsGateway,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  // Other gateways (the live rooms) verify handshakes with the same verifier.
  exports: [UsersService, OrgUnitsService, TokenVerifier],
})
export class IdentityModule {}
