import { plainToInstance, Transform } from 'class-transformer';
import { CountryCode, getCountries } from 'libphonenumber-js';
import { DEFAULT_SLA_HOURS, parseSlaHours } from './sla-hours';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
const toBool = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  const lowered = value.trim().toLowerCase();
  if (['true', '1', 'yes'].includes(lowered)) return true;
  if (['false', '0', 'no'].includes(lowered)) return false;
  return value;
};

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const WEEK_MS = 7 * 24 * HOUR_MS;

export const ROLES = ['all', 'api', 'worker'] as const;
export type ProcessRole = (typeof ROLES)[number];

/** The process environment as Bulwark reads it; every variable is listed in .env.example. */
export class Environment {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @IsIn(ROLES)
  BULWARK_ROLE: ProcessRole = 'all';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  /** A client that has not sent all its headers in this time gets 408 and is disconnected. */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  HTTP_HEADERS_TIMEOUT_MS = 20_000;

  /** The longest a whole request (an upload's body included) may take to arrive. */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  HTTP_REQUEST_TIMEOUT_MS = 10 * MINUTE_MS;

  /** A connection silent this long either way is closed; above the 15 s ping of event streams. */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  HTTP_IDLE_TIMEOUT_MS = 30_000;

  /** How long an idle keep-alive connection waits for its next request. */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  HTTP_KEEP_ALIVE_TIMEOUT_MS = 5_000;

  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/bulwark';

  @Transform(toBool)
  @IsBoolean()
  MIGRATIONS_RUN = true;

  @Matches(/^rediss?:\/\/\S+$/, { message: 'must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  @Matches(/^[A-Za-z0-9_-]{1,40}$/, { message: 'must be 1-40 letters, digits, _ or -' })
  REDIS_KEY_PREFIX = 'bulwark';

  @IsString()
  @MinLength(1)
  UPLOADS_DIR = './uploads';

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  JWT_SECRET?: string;

  @Transform(toInt)
  @IsInt()
  @Min(30)
  @Max(86_400)
  ACCESS_TOKEN_TTL_SECONDS = 900;

  @Transform(toInt)
  @IsInt()
  @Min(300)
  @Max(31_536_000)
  REFRESH_TOKEN_TTL_SECONDS = 2_592_000;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_MAX_FAILURES_PER_ACCOUNT = 10;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_MAX_FAILURES_PER_IP = 100;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_WINDOW_SECONDS = 900;

  /** Sign-ups, successful or not, from one IP per window. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  REGISTER_MAX_PER_IP = 20;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  REGISTER_WINDOW_SECONDS = 3600;

  @IsOptional()
  @IsEmail()
  BULWARK_ADMIN_EMAIL?: string;

  @IsOptional()
  @IsString()
  BULWARK_ADMIN_PASSWORD?: string;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(50)
  JOB_ATTEMPTS = 8;

  @Transform(toInt)
  @IsInt()
  @Min(10)
  JOB_BACKOFF_MS = 1000;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(64)
  JOB_CONCURRENCY = 4;

  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(60_000)
  OUTBOX_POLL_MS = 200;

  /** Intervals of the timed jobs; below a minute only for tests. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(WEEK_MS)
  IDEMPOTENCY_SWEEP_EVERY_MS = HOUR_MS;

  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(WEEK_MS)
  EVIDENCE_SWEEP_EVERY_MS = 10 * MINUTE_MS;

  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(WEEK_MS)
  INTEL_RESCORE_EVERY_MS = HOUR_MS;

  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(WEEK_MS)
  OUTBOX_RECONCILE_EVERY_MS = MINUTE_MS;

  /** A moderator's claim lapses after this long without activity on the case. */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(WEEK_MS)
  MODERATION_CLAIM_LEASE_MS = 30 * MINUTE_MS;

  /** How often lapsed claims are released. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(WEEK_MS)
  MODERATION_LAPSE_EVERY_MS = MINUTE_MS;

  /** How often cases whose queue rank moved with the clock are ranked again. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(WEEK_MS)
  MODERATION_RANK_EVERY_MS = MINUTE_MS;

  /** Per case type, hours to first answer and to decide: `extortion=4/48,...` (sla-hours.ts). */
  @IsString()
  MODERATION_SLA_HOURS = DEFAULT_SLA_HOURS;

  /** How often cases past their service levels are marked and escalated. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(WEEK_MS)
  MODERATION_SLA_EVERY_MS = MINUTE_MS;

  /** How long after a decision its seller may appeal, once. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(365)
  MODERATION_APPEAL_WINDOW_DAYS = 14;

  /** A dispatched job not seen to finish in this time is looked for in Redis, and requeued if lost. */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(WEEK_MS)
  OUTBOX_REDISPATCH_AFTER_MS = 5 * MINUTE_MS;

  @Transform(toBool)
  @IsBoolean()
  TRUST_PROXY = false;

  /** Where people reach the service; an https address makes the web pages' cookies Secure. */
  @IsOptional()
  @Matches(/^https?:\/\/[^\s/]+(\/\S*)?$/, { message: 'PUBLIC_URL must be an http or https URL' })
  PUBLIC_URL?: string;

  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'must be at least 16 characters' })
  METRICS_TOKEN?: string;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Where a phone number without a country code is taken to be from (ISO 3166 alpha-2). */
  @IsIn(getCountries(), { message: 'must be a two-letter country code such as CN' })
  PHONE_DEFAULT_REGION: CountryCode = 'CN';

  /** The UTC offset of times typed into a form without one (a browser's datetime-local). */
  @Matches(/^[+-](0\d|1[0-4]):[0-5]\d$/, { message: 'must be an offset such as +08:00' })
  LOCAL_UTC_OFFSET = '+08:00';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  EVIDENCE_MAX_FILE_BYTES = 25 * 1024 * 1024;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  EVIDENCE_MAX_FILES = 10;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  EVIDENCE_MAX_IMAGE_PIXELS = 50_000_000;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  EVIDENCE_MAX_ORDER_ROWS = 200_000;

  /** What all the parts of one XLSX may unpack to. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  EVIDENCE_MAX_XLSX_BYTES = 100 * 1024 * 1024;

  /** Past this many reported parties an identifier (a shared agent's phone) stops merging. */
  @Transform(toInt)
  @IsInt()
  @Min(2)
  INTEL_HUB_PARTY_LIMIT = 50;

  @Transform(toInt)
  @IsInt()
  @Min(2)
  INTEL_REPEAT_MIN_SELLERS = 2;

  @Transform(toInt)
  @IsInt()
  @Min(2)
  INTEL_REPEAT_MIN_CASES = 3;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  INTEL_REPEAT_WINDOW_DAYS = 7;

  /** A case by the same shop naming the same accused within this many hours: a likely duplicate. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(8760)
  INTEL_DUPLICATE_WINDOW_HOURS = 72;

  /** A siege: this many distinct accounts refunding or panning one seller within the window. */
  @Transform(toInt)
  @IsInt()
  @Min(2)
  INTEL_SIEGE_MIN_ACCOUNTS = 20;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  INTEL_SIEGE_WINDOW_HOURS = 24;

  /** A ring: this many accounts, each hitting this many of the same sellers, within the window. */
  @Transform(toInt)
  @IsInt()
  @Min(2)
  INTEL_RING_MIN_ACCOUNTS = 10;

  @Transform(toInt)
  @IsInt()
  @Min(2)
  INTEL_RING_MIN_SELLERS = 3;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  INTEL_RING_WINDOW_DAYS = 30;

  /** Off, screenshots are still processed but not read for identifiers. */
  @Transform(toBool)
  @IsBoolean()
  INTEL_OCR_ENABLED = true;

  /** tesseract.js workers in the fixed pool; each holds its language data (about 100 MB). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(16)
  INTEL_OCR_WORKERS = 2;

  @Transform(toInt)
  @IsInt()
  @Min(1000)
  INTEL_OCR_TIMEOUT_MS = 60_000;

  /**
   * Tesseract languages joined by +, each installed from its @tesseract.js-data npm package. The
   * Chinese model reads Latin letters and digits too; adding eng made it read Chinese labels as
   * Latin garbage ("BERK, BIS" for 企鹅号) and found fewer identifiers (bench:extraction).
   */
  @Matches(/^(eng|chi_sim)(\+(eng|chi_sim))*$/, {
    message: 'must be eng, chi_sim or both joined by +',
  })
  INTEL_OCR_LANGUAGES = 'chi_sim';
}

export class EnvironmentError extends Error {}

/** Reads and checks the environment; throws one error naming every bad variable. */
export function parseEnvironment(source: Record<string, string | undefined>): Environment {
  const present = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value !== ''),
  );
  const environment = plainToInstance(Environment, present, { exposeDefaultValues: true });
  const problems = validateSync(environment, { whitelist: false }).flatMap((error) =>
    Object.values(error.constraints ?? {}).map(
      (message) =>
        `${error.property}=${JSON.stringify(error.value)}: ${message.replace(`${error.property} `, '')}`,
    ),
  );
  if (environment.NODE_ENV === 'production' && !environment.JWT_SECRET) {
    problems.push('JWT_SECRET: is required when NODE_ENV=production');
  }
  const sla = parseSlaHours(environment.MODERATION_SLA_HOURS);
  if (typeof sla === 'string') problems.push(`MODERATION_SLA_HOURS: ${sla}`);
  if (environment.BULWARK_ADMIN_EMAIL && !environment.BULWARK_ADMIN_PASSWORD) {
    problems.push('BULWARK_ADMIN_PASSWORD: is required when BULWARK_ADMIN_EMAIL is set');
  }
  if (problems.length > 0) {
    throw new EnvironmentError(`Invalid environment:\n  ${problems.join('\n  ')}`);
  }
  return environment;
}
