import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { DatabaseNotifications } from './database-notifications';
import { dataSourceOptions } from './data-source-options';
import { ensureDatabase } from './ensure-database';
import { runMigrations } from './run-migrations';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: async (config: AppConfig) => {
        await ensureDatabase(config.database.url);
        const options = dataSourceOptions(config.database.url);
        if (config.database.migrationsRun) await runMigrations(options);
        return options;
      },
    }),
  ],
  // One LISTEN connection for the whole process, whichever module listens.
  providers: [DatabaseNotifications],
  exports: [DatabaseNotifications],
})
export class DatabaseModule {}
