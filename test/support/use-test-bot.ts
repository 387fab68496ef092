/**
 * The whole test bot for one test file: started before its tests with nothing allowed to leave
 * the machine (Feishu is the local fake), stopped after them. The object returned is filled in
 * when the bot has started, so tests use it as the bot itself.
 */
import nock from 'nock';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { startTestBot, type TestBot, type TestBotOptions } from './test-bot.js';

/** Registers the file's hooks and answers the bot they start (see the file comment). */
export function useTestBot(options: TestBotOptions = {}): TestBot {
  const bot = {} as TestBot;

  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect(/127\.0\.0\.1|localhost/);
    Object.assign(bot, await startTestBot(options));
  });

  afterEach(() => {
    // Tests that fake a call with nock must have used every interceptor they set up.
    expect(nock.isDone()).toBe(true);
    nock.cleanAll();
  });

  afterAll(async () => {
    await bot.stop?.();
    nock.enableNetConnect();
  });

  return bot;
}
