import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { EnvironmentError } from './config/environment';
import { loadConfig } from './config/load-config';
import { configureHttpApp } from './http-app';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const module = AppModule.forRoot(config);
  if (config.role === 'worker') {
    const worker = await NestFactory.createApplicationContext(module, { bufferLogs: true });
    worker.useLogger(worker.get(Logger));
    worker.enableShutdownHooks();
    await worker.init();
    return;
  }
  const app = await NestFactory.create<NestExpressApplication>(module, { bufferLogs: true });
  configureHttpApp(app, config);
  await app.listen(config.http.port, config.http.host);
}

bootstrap().catch((error: unknown) => {
  // The logger may not exist yet: write the reason plainly so a bad variable is named.
  process.stderr.write(
    `${error instanceof EnvironmentError ? error.message : String((error as Error)?.stack ?? error)}\n`,
  );
  process.exit(1);
});
