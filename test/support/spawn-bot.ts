import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectRoot } from './test-env.js';

export interface SpawnedBot {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the exit code (or the signal name) when the process ends. */
  exited: Promise<number | string>;
}

/**
 * Runs `src/main.ts` as its own process (through tsx, no build step), from an empty working
 * directory so a developer's `.env` is not read; only `env` configures it.
 */
export function spawnBot(env: Record<string, string | undefined>, args: string[] = []): SpawnedBot {
  return spawnScript('src/main.ts', env, args);
}

/** Runs a TypeScript file of the project (e.g. `scripts/dev.ts`) the way spawnBot runs the bot. */
export function spawnScript(
  script: string,
  env: Record<string, string | undefined>,
  args: string[] = [],
): SpawnedBot {
  const loader = pathToFileURL(join(projectRoot, 'node_modules/tsx/dist/loader.mjs')).href;
  const child = spawn(process.execPath, ['--import', loader, join(projectRoot, script), ...args], {
    cwd: mkdtempSync(join(tmpdir(), 'bot-')),
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );

  return { child, stdout: () => out, stderr: () => err, exited };
}
