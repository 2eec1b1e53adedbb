import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ConfigError, JobRegistryError, loadConfig } from '@siantar/server-core';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';

/** A NestJS application context (no HTTP) hosting the BullMQ processors. */
async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await app.init();
  console.log(`Siantar Belajar worker running (pid ${process.pid})`);
}

bootstrap().catch((e: unknown) => {
  console.error(e instanceof ConfigError || e instanceof JobRegistryError ? e.message : e);
  process.exit(1);
});
