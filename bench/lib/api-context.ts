import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { randomBytes } from 'node:crypto';
import { AppModule } from '../../src/app.module';
import { loadConfig } from '../../src/config/load-config';

export interface ContextSettings {
  databaseUrl: string;
  redisUrl: string;
  redisKeyPrefix: string;
  uploadsDir: string;
}

/**
 * A Nest application context of the built AppModule in the api role (no worker, no relay: nothing
 * runs in the background), production mode, OCR off, for a child script to call services directly.
 */
export function openApiContext(settings: ContextSettings): Promise<INestApplicationContext> {
  const config = loadConfig({
    NODE_ENV: 'production',
    BULWARK_ROLE: 'api',
    DATABASE_URL: settings.databaseUrl,
    MIGRATIONS_RUN: 'false',
    REDIS_URL: settings.redisUrl,
    REDIS_KEY_PREFIX: settings.redisKeyPrefix,
    UPLOADS_DIR: settings.uploadsDir,
    JWT_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'warn',
    INTEL_OCR_ENABLED: 'false',
  });
  return NestFactory.createApplicationContext(AppModule.forRoot(config), {
    logger: ['error', 'warn'],
  });
}
