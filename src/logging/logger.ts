import { pino, type Logger, type LoggerOptions } from 'pino';

export type { Logger } from 'pino';

/** Paths pino masks wherever they appear in a log line. */
const redactPaths = [
  'appSecret',
  'app_secret',
  'tenant_access_token',
  'authorization',
  'headers.authorization',
  'req.headers.authorization',
  'req.headers["x-admin-token"]',
  '*.FEISHU_APP_SECRET',
  '*.FEISHU_VERIFICATION_TOKEN',
  '*.FEISHU_ENCRYPT_KEY',
  '*.ADMIN_TOKEN',
];

export interface LoggerSettings {
  level: string;
  /** Pretty, coloured output for a developer's terminal; JSON lines otherwise. */
  pretty: boolean;
}

/** The process logger. Structured fields; secrets redacted; pretty only in development. */
export function createLogger(settings: LoggerSettings): Logger {
  const options: LoggerOptions = {
    level: settings.level,
    base: { service: 'dubanzhushou' },
    redact: { paths: redactPaths, censor: '[redacted]' },
  };
  if (!settings.pretty) return pino(options);

  return pino({
    ...options,
    transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss.l' } },
  });
}

/** A logger that writes nothing, for tests and tools. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
