import type { CountryCode } from 'libphonenumber-js';
import { resolve } from 'node:path';
import type { CaseType } from '../cases/case-type';
import { Environment, ProcessRole } from './environment';
import { parseSlaHours, SlaHours } from './sla-hours';

export interface AppConfig {
  env: Environment['NODE_ENV'];
  role: ProcessRole;
  http: { host: string; port: number; trustProxy: boolean; timeouts: HttpTimeouts };
  /** The web pages: cookies marked Secure when the public address is https. */
  web: { secureCookies: boolean };
  database: { url: string; migrationsRun: boolean };
  redis: { url: string; keyPrefix: string };
  uploadsDir: string;
  auth: {
    jwtSecret: string;
    accessTokenTtlSeconds: number;
    refreshTokenTtlSeconds: number;
    login: { maxFailuresPerAccount: number; maxFailuresPerIp: number; windowSeconds: number };
    registration: { maxPerIp: number; windowSeconds: number };
    firstAdmin?: { email: string; password: string };
  };
  jobs: {
    attempts: number;
    backoffMs: number;
    concurrency: number;
    outboxPollMs: number;
    /** How long a dispatched outbox row may go unfinished before its job is looked for. */
    redispatchAfterMs: number;
    everyMs: ScheduleIntervals;
  };
  moderation: {
    claimLeaseMs: number;
    appealWindowDays: number;
    slaHours: Record<CaseType, SlaHours>;
  };
  metricsToken?: string;
  logLevel: string;
  cases: { phoneDefaultRegion: CountryCode; localUtcOffset: string };
  evidence: {
    maxFileBytes: number;
    maxFiles: number;
    maxImagePixels: number;
    maxOrderRows: number;
    maxXlsxBytes: number;
  };
  intel: {
    hubPartyLimit: number;
    repeatMinSellers: number;
    repeatMinCases: number;
    repeatWindowDays: number;
    duplicateWindowHours: number;
    ocr: { enabled: boolean; workers: number; timeoutMs: number; languages: string[] };
    campaigns: {
      siegeMinAccounts: number;
      siegeWindowHours: number;
      ringMinSellers: number;
      ringMinSharedAccounts: number;
      ringWindowDays: number;
    };
  };
}

/** How long the HTTP server waits for slow or silent clients, in milliseconds. */
export interface HttpTimeouts {
  headersMs: number;
  requestMs: number;
  idleMs: number;
  keepAliveMs: number;
}

/** How often each timed job runs, in milliseconds (SCHEDULE_OF_JOB names the one it uses). */
export interface ScheduleIntervals {
  idempotencySweep: number;
  evidenceSweep: number;
  offenderRescore: number;
  outboxReconcile: number;
  claimLapse: number;
  queueRank: number;
  slaCheck: number;
}

export const APP_CONFIG = Symbol('APP_CONFIG');

export function toAppConfig(environment: Environment, jwtSecret: string): AppConfig {
  return {
    env: environment.NODE_ENV,
    role: environment.BULWARK_ROLE,
    http: {
      host: environment.HOST,
      port: environment.PORT,
      trustProxy: environment.TRUST_PROXY,
      timeouts: {
        headersMs: environment.HTTP_HEADERS_TIMEOUT_MS,
        requestMs: environment.HTTP_REQUEST_TIMEOUT_MS,
        idleMs: environment.HTTP_IDLE_TIMEOUT_MS,
        keepAliveMs: environment.HTTP_KEEP_ALIVE_TIMEOUT_MS,
      },
    },
    web: { secureCookies: environment.PUBLIC_URL?.startsWith('https://') ?? false },
    database: { url: environment.DATABASE_URL, migrationsRun: environment.MIGRATIONS_RUN },
    redis: { url: environment.REDIS_URL, keyPrefix: environment.REDIS_KEY_PREFIX },
    uploadsDir: resolve(environment.UPLOADS_DIR),
    auth: {
      jwtSecret,
      accessTokenTtlSeconds: environment.ACCESS_TOKEN_TTL_SECONDS,
      refreshTokenTtlSeconds: environment.REFRESH_TOKEN_TTL_SECONDS,
      login: {
        maxFailuresPerAccount: environment.LOGIN_MAX_FAILURES_PER_ACCOUNT,
        maxFailuresPerIp: environment.LOGIN_MAX_FAILURES_PER_IP,
        windowSeconds: environment.LOGIN_WINDOW_SECONDS,
      },
      registration: {
        maxPerIp: environment.REGISTER_MAX_PER_IP,
        windowSeconds: environment.REGISTER_WINDOW_SECONDS,
      },
      firstAdmin:
        environment.BULWARK_ADMIN_EMAIL && environment.BULWARK_ADMIN_PASSWORD
          ? { email: environment.BULWARK_ADMIN_EMAIL, password: environment.BULWARK_ADMIN_PASSWORD }
          : undefined,
    },
    jobs: {
      attempts: environment.JOB_ATTEMPTS,
      backoffMs: environment.JOB_BACKOFF_MS,
      concurrency: environment.JOB_CONCURRENCY,
      outboxPollMs: environment.OUTBOX_POLL_MS,
      redispatchAfterMs: environment.OUTBOX_REDISPATCH_AFTER_MS,
      everyMs: {
        idempotencySweep: environment.IDEMPOTENCY_SWEEP_EVERY_MS,
        evidenceSweep: environment.EVIDENCE_SWEEP_EVERY_MS,
        offenderRescore: environment.INTEL_RESCORE_EVERY_MS,
        outboxReconcile: environment.OUTBOX_RECONCILE_EVERY_MS,
        claimLapse: environment.MODERATION_LAPSE_EVERY_MS,
        queueRank: environment.MODERATION_RANK_EVERY_MS,
        slaCheck: environment.MODERATION_SLA_EVERY_MS,
      },
    },
    moderation: {
      claimLeaseMs: environment.MODERATION_CLAIM_LEASE_MS,
      appealWindowDays: environment.MODERATION_APPEAL_WINDOW_DAYS,
      // parseEnvironment refused the text already unless it reads.
      slaHours: parseSlaHours(environment.MODERATION_SLA_HOURS) as Record<CaseType, SlaHours>,
    },
    metricsToken: environment.METRICS_TOKEN,
    logLevel: environment.LOG_LEVEL,
    cases: {
      phoneDefaultRegion: environment.PHONE_DEFAULT_REGION,
      localUtcOffset: environment.LOCAL_UTC_OFFSET,
    },
    evidence: {
      maxFileBytes: environment.EVIDENCE_MAX_FILE_BYTES,
      maxFiles: environment.EVIDENCE_MAX_FILES,
      maxImagePixels: environment.EVIDENCE_MAX_IMAGE_PIXELS,
      maxOrderRows: environment.EVIDENCE_MAX_ORDER_ROWS,
      maxXlsxBytes: environment.EVIDENCE_MAX_XLSX_BYTES,
    },
    intel: {
      hubPartyLimit: environment.INTEL_HUB_PARTY_LIMIT,
      repeatMinSellers: environment.INTEL_REPEAT_MIN_SELLERS,
      repeatMinCases: environment.INTEL_REPEAT_MIN_CASES,
      repeatWindowDays: environment.INTEL_REPEAT_WINDOW_DAYS,
      duplicateWindowHours: environment.INTEL_DUPLICATE_WINDOW_HOURS,
      campaigns: {
        siegeMinAccounts: environment.INTEL_SIEGE_MIN_ACCOUNTS,
        siegeWindowHours: environment.INTEL_SIEGE_WINDOW_HOURS,
        ringMinSharedAccounts: environment.INTEL_RING_MIN_ACCOUNTS,
        ringMinSellers: environment.INTEL_RING_MIN_SELLERS,
        ringWindowDays: environment.INTEL_RING_WINDOW_DAYS,
      },
      ocr: {
        enabled: environment.INTEL_OCR_ENABLED,
        workers: environment.INTEL_OCR_WORKERS,
        timeoutMs: environment.INTEL_OCR_TIMEOUT_MS,
        languages: environment.INTEL_OCR_LANGUAGES.split('+'),
      },
    },
  };
}
