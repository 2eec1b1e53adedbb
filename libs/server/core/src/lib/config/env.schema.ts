import { Transform, Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsJSON,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';

const csv = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : value;

/**
 * The one environment schema of the api and the worker. Every variable is
 * documented in `.env.example`; a process refuses to start when one is wrong.
 */
export class EnvSchema {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3000;

  /** Where people reach the app; used for links in emails. */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  PUBLIC_URL = 'http://localhost:3000';

  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// connection URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/siantar';

  /** Optional read replicas (comma-separated postgres:// URLs); reads are spread over them. */
  @IsOptional()
  @Transform(csv)
  @Matches(/^postgres(ql)?:\/\/.+/, {
    each: true,
    message: 'each replica must be a postgres:// URL',
  })
  DATABASE_REPLICA_URLS: string[] = [];

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE = 10;

  @Matches(/^rediss?:\/\/.+/, { message: 'must be a redis:// or rediss:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** Every Redis key of this deployment starts with it (BullMQ queues, rate limits). */
  @Matches(/^[a-zA-Z0-9:_-]{1,64}$/, { message: 'letters, digits, : _ - only (max 64)' })
  REDIS_PREFIX = 'sb';

  @IsString()
  @MinLength(32, {
    message: 'must be at least 32 characters; generate one with `openssl rand -hex 32`',
  })
  JWT_SECRET!: string;

  /** Access token lifetime in seconds. */
  @Type(() => Number)
  @IsInt()
  @Min(60)
  @Max(3600)
  ACCESS_TOKEN_TTL = 900;

  /** Refresh token lifetime in days. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(90)
  REFRESH_TOKEN_TTL_DAYS = 14;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  LOGIN_MAX_FAILURES = 5;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1440)
  LOGIN_LOCK_MINUTES = 15;

  /** Login attempts allowed per client address per minute (all accounts together). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10000)
  LOGIN_RATE_PER_MINUTE = 30;

  @Transform(csv)
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] }, { each: true })
  CORS_ORIGINS: string[] = ['http://localhost:3000', 'http://localhost:4200'];

  /** Largest accepted JSON body, in bytes. */
  @Type(() => Number)
  @IsInt()
  @Min(1024)
  @Max(50 * 1024 * 1024)
  BODY_LIMIT_BYTES = 1024 * 1024;

  /** Largest accepted upload (CSV import), in bytes. */
  @Type(() => Number)
  @IsInt()
  @Min(1024)
  @Max(500 * 1024 * 1024)
  UPLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

  @Matches(/^smtps?:\/\/.+/, { message: 'must be an smtp:// or smtps:// URL' })
  SMTP_URL = 'smtp://127.0.0.1:1025';

  @IsString()
  @MinLength(3)
  MAIL_FROM = 'Siantar Belajar <no-reply@siantar.test>';

  /** Days without progress on a course with a deadline before its learner is nudged. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(90)
  NOTIFY_INACTIVE_DAYS = 14;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent' = 'info';

  /** Folder of the built Angular app that the api serves at `/`; empty to serve none. */
  @IsOptional()
  @IsString()
  WEB_DIST_DIR = '';

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(64)
  WORKER_CONCURRENCY = 4;

  /**
   * A job's lock: when its worker dies (crash, SIGKILL, lost machine), another
   * worker takes the job over after at most about twice this time.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1000)
  @Max(600_000)
  WORKER_LOCK_MS = 30_000;

  /** local: files under STORAGE_DIR (one machine); s3: an S3-compatible bucket shared by every process. */
  @IsIn(['local', 's3'])
  STORAGE_DRIVER: 'local' | 's3' = 'local';

  @ValidateIf((o: EnvSchema) => o.STORAGE_DRIVER === 's3')
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  S3_ENDPOINT = '';

  @IsString()
  S3_REGION = 'us-east-1';

  @ValidateIf((o: EnvSchema) => o.STORAGE_DRIVER === 's3')
  @Matches(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { message: 'must be a valid bucket name' })
  S3_BUCKET = '';

  @ValidateIf((o: EnvSchema) => o.STORAGE_DRIVER === 's3')
  @IsString()
  @MinLength(1)
  S3_ACCESS_KEY_ID = '';

  @ValidateIf((o: EnvSchema) => o.STORAGE_DRIVER === 's3')
  @IsString()
  @MinLength(1)
  S3_SECRET_ACCESS_KEY = '';

  @IsIn(['true', 'false'])
  S3_FORCE_PATH_STYLE: 'true' | 'false' = 'true';

  @IsOptional()
  @IsString()
  S3_PREFIX = '';

  /** Where uploaded and unpacked files are kept (local disk driver). */
  @IsString()
  @MinLength(1)
  STORAGE_DIR = 'var/storage';

  /** Minutes in one JP (jam pelajaran). */
  @Type(() => Number)
  @IsInt()
  @Min(30)
  @Max(60)
  JP_MINUTES = 45;

  /** Largest accepted video upload, in bytes. */
  @Type(() => Number)
  @IsInt()
  @Min(1024)
  VIDEO_UPLOAD_LIMIT_BYTES = 1024 * 1024 * 1024;

  /** SCORM packages: largest zip, most files, largest total size once unpacked (checked before unpacking). */
  @Type(() => Number)
  @IsInt()
  @Min(1024)
  SCORM_MAX_ZIP_BYTES = 200 * 1024 * 1024;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  SCORM_MAX_FILES = 5000;

  @Type(() => Number)
  @IsInt()
  @Min(1024)
  SCORM_MAX_UNPACKED_BYTES = 1024 * 1024 * 1024;

  /** Lifetime of the signed URLs that <video>, <iframe> and downloads use, in seconds. */
  @Type(() => Number)
  @IsInt()
  @Min(60)
  @Max(86400)
  FILE_URL_TTL_SECONDS = 4 * 3600;

  /** Behind a reverse proxy set true: the api then trusts X-Forwarded-For from the first hop (rate limits per client). */
  @IsIn(['true', 'false'])
  TRUST_PROXY: 'true' | 'false' = 'false';

  /**
   * Live rooms' WebRTC ICE servers as JSON, e.g.
   * `[{"urls":"stun:stun.example.go.id:3478"},{"urls":"turn:turn.example.go.id","username":"u","credential":"p"}]`.
   * Empty: only host candidates (enough on one office LAN).
   */
  @ValidateIf((o: EnvSchema) => o.LIVE_ICE_SERVERS !== '')
  @IsJSON({ message: 'must be a JSON array of RTCIceServer objects' })
  LIVE_ICE_SERVERS = '';

  /** Set all three to send live media through a LiveKit SFU instead of the built-in mesh. */
  @ValidateIf((o: EnvSchema) => o.LIVEKIT_URL !== '')
  @Matches(/^(wss?|https?):\/\/.+/, { message: 'must be a ws(s):// or http(s):// URL' })
  LIVEKIT_URL = '';

  @IsOptional()
  @IsString()
  LIVEKIT_API_KEY = '';

  @IsOptional()
  @IsString()
  LIVEKIT_API_SECRET = '';
}

export type AppConfig = EnvSchema;
