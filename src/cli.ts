import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { UsersService } from './accounts/users.service';
import { AppModule } from './app.module';
import { loadConfig } from './config/load-config';

const USAGE =
  'usage: BULWARK_ADMIN_PASSWORD=... npm run cli -- create-admin <email> [display name]';

// Operator commands that need the service's modules but no HTTP server or workers.
async function main(): Promise<void> {
  const [command, email, ...name] = process.argv.slice(2);
  const password = process.env.BULWARK_ADMIN_PASSWORD;
  if (command !== 'create-admin' || !email || !password) {
    console.error(USAGE);
    process.exit(2);
  }
  const config = loadConfig({
    ...process.env,
    BULWARK_ROLE: 'api',
    BULWARK_ADMIN_EMAIL: '',
    LOG_LEVEL: 'warn',
  });
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), {
    logger: ['error'],
  });
  try {
    const created = await app
      .get(UsersService)
      .ensureAdmin(email, password, name.join(' ') || 'Administrator');
    console.log(
      created ? `Created admin ${email}` : `${email} already has an account; nothing changed`,
    );
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
