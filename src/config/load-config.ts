import { resolve } from 'node:path';
import { AppConfig, toAppConfig } from './app-config';
import { parseEnvironment } from './environment';
import { developmentJwtSecret } from './jwt-secret';

export function loadConfig(source: Record<string, string | undefined> = process.env): AppConfig {
  const environment = parseEnvironment(source);
  const jwtSecret =
    environment.JWT_SECRET ?? developmentJwtSecret(resolve(environment.UPLOADS_DIR));
  return toAppConfig(environment, jwtSecret);
}
