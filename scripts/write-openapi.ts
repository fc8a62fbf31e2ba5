import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { writeFileSync } from 'node:fs';
import { AppModule } from '../src/app.module';
import { loadConfig } from '../src/config/load-config';
import { buildOpenApiDocument } from '../src/openapi/openapi-document';

// Preview mode builds the module graph without instantiating providers: no database or Redis.
async function main(): Promise<void> {
  const target = process.argv[2] ?? 'openapi.json';
  const app = await NestFactory.create(AppModule.forRoot(loadConfig()), {
    preview: true,
    logger: false,
  });
  writeFileSync(target, `${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`);
  await app.close();
  console.log(`Wrote ${target}`);
}

void main();
