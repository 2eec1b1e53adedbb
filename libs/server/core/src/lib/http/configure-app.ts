import { mountQueueDashboard } from '../queue/dashboard/queue-dashboard';
import { RedisIoAdapter } from '../realtime/redis-io.adapter';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type INestApplication, VersioningType } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import type { EnvSchema } from '../config/env.schema';
import { jsonBodyParser } from './body-parsers';
import { createValidationPipe } from './validation.pipe';

/**
 * Serves the built Angular app at `/`: hashed assets cached for a year,
 * index.html never cached, and any non-API path falls back to index.html.
 */
function serveWeb(app: INestApplication, dir: string): void {
  const root = resolve(dir);
  const index = join(root, 'index.html');
  if (!existsSync(index))
    throw new Error(`WEB_DIST_DIR=${dir}: no index.html there; build the web app first.`);
  const http = app.getHttpAdapter().getInstance() as express.Express;
  http.use(
    express.static(root, {
      index: false,
      setHeaders: (res, path) =>
        res.setHeader(
          'Cache-Control',
          /\.[0-9A-Za-z]{8,}\.(js|css|woff2?)$/.test(path) || path.includes('/media/')
            ? 'public, max-age=31536000, immutable'
            : 'no-cache',
        ),
    }),
  );
  http.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || req.path.startsWith('/api') || !req.accepts('html')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}

/** Everything main.ts and the integration tests both apply, so tests see the real HTTP surface. */
export function configureApp(app: INestApplication, config: EnvSchema): void {
  app.useLogger(app.get(Logger));
  const http = app.getHttpAdapter().getInstance() as express.Express;
  http.disable('x-powered-by');
  if (config.TRUST_PROXY === 'true') http.set('trust proxy', 1);

  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'", 'ws:', 'wss:'],
          // Video lessons may point at external https sources.
          mediaSrc: ["'self'", 'blob:', 'https:'],
          frameSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          frameAncestors: ["'self'"],
          // Offices reach the app over plain http on the LAN; upgrading would break that.
          upgradeInsecureRequests: null,
        },
      },
      crossOriginEmbedderPolicy: false,
      strictTransportSecurity: config.PUBLIC_URL.startsWith('https://'),
    }),
  );
  app.enableCors({
    origin: config.CORS_ORIGINS,
    credentials: true,
    exposedHeaders: ['X-Request-Id', 'Retry-After'],
  });
  app.use(cookieParser());
  app.use(jsonBodyParser(config.BODY_LIMIT_BYTES));
  app.setGlobalPrefix('api');
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
  app.useGlobalPipes(createValidationPipe());
  app.useWebSocketAdapter(new RedisIoAdapter(app, config));
  mountQueueDashboard(app, config);
  app.enableShutdownHooks();

  const doc = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Siantar Belajar API')
      .setDescription(
        'Learning management for the ASN of Pemerintah Kota Pematangsiantar. Errors are RFC 9457 problem+json.',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, doc, { jsonDocumentUrl: 'api/docs/openapi.json' });

  if (config.WEB_DIST_DIR) serveWeb(app, config.WEB_DIST_DIR);
}
