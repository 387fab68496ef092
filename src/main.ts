import { existsSync } from 'node:fs';
import { ConfigError } from './config/config-error.js';
import { loadEnv, redactEnv, type AppRole } from './config/env.js';
import { createLogger } from './logging/logger.js';
import { startRuntime } from './runtime.js';

/** A stop that takes longer than this exits anyway (the orchestrator waits 10 s). */
const shutdownDeadlineMs = 9_000;

/**
 * Entry point. The role comes from the first argument (`web`, `worker`, `all`) or APP_ROLE.
 * A local `.env` file, if present, fills settings not already in the environment.
 */
async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const roleArgument = process.argv[2];
  const source = roleArgument ? { ...process.env, APP_ROLE: roleArgument } : process.env;

  let env;
  try {
    env = loadEnv(source);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`configuration error: ${error.message}\n`);
    process.exit(1);
  }

  const logger = createLogger({ level: env.LOG_LEVEL, pretty: env.NODE_ENV === 'development' });
  logger.info({ config: redactEnv(env) }, 'starting');
  const role: AppRole = env.APP_ROLE;
  const runtime = await startRuntime(env, logger, { role }).catch((error: unknown) => {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`configuration error: ${error.message}\n`);
    process.exit(1);
  });

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    setTimeout(() => {
      logger.error({ deadlineMs: shutdownDeadlineMs }, 'shutdown took too long, exiting');
      process.exit(1);
    }, shutdownDeadlineMs).unref();
    runtime.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `start-up failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
