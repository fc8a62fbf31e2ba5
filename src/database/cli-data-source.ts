import { DataSource } from 'typeorm';
import { parseEnvironment } from '../config/environment';
import { dataSourceOptions } from './data-source-options';

/** The data source the TypeORM CLI uses to generate, run and revert migrations. */
export default new DataSource(dataSourceOptions(parseEnvironment(process.env).DATABASE_URL));
