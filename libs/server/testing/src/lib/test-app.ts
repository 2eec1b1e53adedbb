import type {
  DynamicModule,
  INestApplication,
  INestApplicationContext,
  Type,
} from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { configureApp, CoreModule, type EnvSchema } from '@siantar/server-core';
import type { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';

type Imported = Type<unknown> | DynamicModule;

export interface TestApp {
  app: INestApplication;
  http: ReturnType<INestApplication['getHttpServer']>;
  db: DataSource;
  /** A valid access token for a user id, as sign-in would issue it. */
  tokenFor(userId: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * The api as main.ts builds it (same pipes, filters, guards, body parsing), with
 * the given domains; `withCore: false` when `imports` is a root module that brings its own.
 */
export async function createTestApp(
  config: EnvSchema,
  imports: Imported[],
  { withCore = true }: { withCore?: boolean } = {},
): Promise<TestApp> {
  const moduleRef = await Test.createTestingModule({
    imports: withCore ? [CoreModule.forApi(config), ...imports] : imports,
  }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({
    bodyParser: false,
    logger: false,
  });
  configureApp(app, config);
  await app.init();
  const jwt = app.get(JwtService);
  return {
    app,
    http: app.getHttpServer(),
    db: app.get<DataSource>(getDataSourceToken()),
    tokenFor: (userId) => jwt.signAsync({ sub: userId, typ: 'access' }),
    close: () => app.close(),
  };
}

/** The worker as its main.ts builds it, with the given jobs modules. */
export async function createTestWorker(
  config: EnvSchema,
  imports: Imported[],
): Promise<INestApplicationContext> {
  const moduleRef = await Test.createTestingModule({
    imports: [CoreModule.forWorker(config), ...imports],
  }).compile();
  await moduleRef.init();
  return moduleRef;
}
