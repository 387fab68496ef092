import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/config/config-error.js';
import { loadEnv, redactEnv } from '../../../src/config/env.js';
import { testEnvSource } from '../../support/test-env.js';

function problemWith(overrides: Record<string, string | undefined>): string {
  try {
    loadEnv(testEnvSource(overrides));
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadEnv', () => {
  it('accepts the example settings and fills defaults', () => {
    const env = loadEnv(testEnvSource({ PORT: undefined, FEISHU_BASE_URL: undefined }));

    expect(env.PORT).toBe(3000);
    expect(env.FEISHU_BASE_URL).toBe('https://open.feishu.cn');
    expect(env.FEISHU_EVENT_MODE).toBe('webhook');
    expect(env.APP_ROLE).toBe('all');
  });

  it.each([
    [{ FEISHU_APP_ID: undefined }, 'FEISHU_APP_ID: is required but not set'],
    [{ FEISHU_APP_ID: '' }, 'FEISHU_APP_ID: must look like cli_'],
    [{ FEISHU_APP_ID: 'app123' }, 'FEISHU_APP_ID: must look like cli_'],
    [{ FEISHU_APP_SECRET: '' }, 'FEISHU_APP_SECRET: must not be empty'],
    [{ FEISHU_BASE_URL: 'https://open.feishu.cn/' }, 'FEISHU_BASE_URL: must not end with a slash'],
    [{ FEISHU_BASE_URL: 'open.feishu.cn' }, 'FEISHU_BASE_URL: must be a URL'],
    [{ FEISHU_EVENT_MODE: 'poll' }, 'FEISHU_EVENT_MODE:'],
    [{ MONGODB_URI: 'postgres://x' }, 'MONGODB_URI: must start with mongodb://'],
    [{ REDIS_URL: 'localhost:6379' }, 'REDIS_URL: must start with redis://'],
    [{ PORT: 'eighty' }, 'PORT: must be a port number from 0 to 65535'],
    [{ PORT: '70000' }, 'PORT: must be a port number from 0 to 65535'],
    [{ PORT: '80.5' }, 'PORT: must be a port number from 0 to 65535'],
    [{ DIRECTORY_FILE: '/nonexistent/directory.yaml' }, 'DIRECTORY_FILE: file not found'],
    [{ POLICY_FILE: '' }, 'POLICY_FILE: must not be empty'],
    [{ ADMIN_TOKEN: 'short' }, 'ADMIN_TOKEN: must be at least 16 characters'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL:'],
    [{ APP_ROLE: 'cron' }, 'APP_ROLE:'],
  ])('refuses %o with one line naming the setting', (overrides, expected) => {
    const message = problemWith(overrides);

    expect(message.startsWith(expected)).toBe(true);
    expect(message).not.toContain('\n');
  });

  it('masks secrets and URL passwords when the settings are logged', () => {
    const env = loadEnv(
      testEnvSource({
        MONGODB_URI: 'mongodb://bot:hunter2@db.internal:27017/duban',
        REDIS_URL: 'redis://:s3cret@cache.internal:6379',
      }),
    );
    const shown = JSON.stringify(redactEnv(env));

    for (const secret of ['test-app-secret', 'test-encrypt-key', 'hunter2', 's3cret']) {
      expect(shown).not.toContain(secret);
    }
    expect(shown).toContain('db.internal');
  });
});
