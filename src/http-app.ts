import { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { QueueBoardGate } from './auth/queue-board.gate';
import { applyHttpTimeouts } from './common/http/http-timeouts';
import { answerNotModifiedPerRfc9110 } from './common/http/not-modified';
import { installRequestPipeline } from './common/http/request-pipeline';
import { AppConfig } from './config/app-config';
import { mountQueueBoard } from './jobs/queue-board';
import { serveOpenApi } from './openapi/openapi-document';

/** Everything the HTTP role adds on top of the module graph; tests call it too. */
export function configureHttpApp(app: NestExpressApplication, config: AppConfig): void {
  app.useLogger(app.get(Logger));
  app.set('trust proxy', config.http.trustProxy);
  app.disable('x-powered-by');
  applyHttpTimeouts(app.getHttpServer(), config.http.timeouts);
  answerNotModifiedPerRfc9110(app.getHttpAdapter().getInstance());
  installRequestPipeline(app);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: { 'script-src': ["'self'"], 'img-src': ["'self'", 'data:'] },
      },
    }),
  );
  mountQueueBoard(app, app.get(QueueBoardGate).handler());
  serveOpenApi(app);
  app.enableShutdownHooks();
}
