import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { dropDatabase, mongoUriFor, projectRoot, uniqueName } from '../../support/test-env.js';

const dbName = uniqueName('numbering');

afterAll(() => dropDatabase(dbName));

/** Runs test/support/issue-burst.ts as its own process; resolves with the numbers it got. */
function burst(count: number): Promise<number[]> {
  const loader = pathToFileURL(join(projectRoot, 'node_modules/tsx/dist/loader.mjs')).href;
  const script = join(projectRoot, 'test/support/issue-burst.ts');
  const child = spawn(process.execPath, [
    '--import',
    loader,
    script,
    mongoUriFor(dbName),
    String(count),
  ]);
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));

  return new Promise((resolve, reject) =>
    child.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out) as number[]) : reject(new Error(err || `exit ${code}`)),
    ),
  );
}

describe('notice numbering across processes', () => {
  // Within a process issues queue in memory; across processes only the unique index on
  // (year, block) keeps numbers apart, so this is the test of the database's guard.
  it('gives 100 concurrent issues, 25 in each of 4 processes, the numbers 1..100 with no gap or repeat', async () => {
    const results = await Promise.all([burst(25), burst(25), burst(25), burst(25)]);
    const numbers = results.flat().sort((a, b) => a - b);

    expect(results.map((seqs) => seqs.length)).toEqual([25, 25, 25, 25]);
    expect(numbers).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
  });
});
