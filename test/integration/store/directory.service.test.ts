import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { FixedClock } from '../../../src/clock.js';
import { ConfigError } from '../../../src/config/config-error.js';
import { loadDirectoryFile } from '../../../src/config/directory-file.js';
import { silentLogger } from '../../../src/logging/logger.js';
import { DirectorySnapshot } from '../../../src/store/directory.model.js';
import { DirectoryService } from '../../../src/store/directory.service.js';
import { useServices } from '../../support/services.js';
import { projectRoot } from '../../support/test-env.js';

useServices('directory');

const example = readFileSync(`${projectRoot}config/directory.example.yaml`, 'utf8');
const renamed = example.replace('name: 王督查', 'name: 王督查（新）');
const broken = example.replace('shortName: 文旅', 'shortName: 城投');

const dir = mkdtempSync(join(tmpdir(), 'directory-service-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = join(dir, 'directory.yaml');
const start = new Date('2025-03-03T01:00:00Z');
let clock: FixedClock;

function service(): DirectoryService {
  return new DirectoryService(file, silentLogger(), clock);
}

function supervisorName(directory: { people: Array<{ openId: string; name: string }> }) {
  return directory.people.find((p) => p.openId === 'ou_10000000000000000000000000000002')?.name;
}

beforeEach(async () => {
  await DirectorySnapshot.deleteMany({});
  clock = new FixedClock(start);
  writeFileSync(file, example);
});

describe('DirectoryService.load', () => {
  it('stores one snapshot of the validated file with its hash, source and time', async () => {
    const directory = await service().load();

    const snapshots = await DirectorySnapshot.find().lean();
    expect(directory).toEqual(loadDirectoryFile(file));
    expect(snapshots).toHaveLength(1);
    expect(snapshots[0]).toMatchObject({
      source: file,
      loadedAt: start,
      hash: createHash('sha256').update(example).digest('hex'),
    });
    expect(snapshots[0]?.directory).toEqual(directory);
  });

  it('stores nothing new when the file has not changed, even from another process', async () => {
    await service().load();
    clock.advance(60_000);
    await service().load();

    expect(await DirectorySnapshot.countDocuments()).toBe(1);
  });

  it('throws the ConfigError of a bad file and stores nothing', async () => {
    writeFileSync(file, broken);

    await expect(service().load()).rejects.toThrow(
      `DIRECTORY_FILE: ${file}:52: enterprises[1].shortName 城投 is used twice (first at line 46)`,
    );
    expect(await DirectorySnapshot.countDocuments()).toBe(0);
  });
});

describe('DirectoryService.reload', () => {
  it('stores a new snapshot only when the file changed', async () => {
    const directories = service();
    await directories.load();

    const same = await directories.reload();
    writeFileSync(file, renamed);
    clock.advance(1_000);
    const edited = await directories.reload();

    expect(same.changed).toBe(false);
    expect(edited.changed).toBe(true);
    expect(supervisorName(edited.directory)).toBe('王督查（新）');
    expect(await DirectorySnapshot.countDocuments()).toBe(2);
    expect(supervisorName(await directories.current())).toBe('王督查（新）');
  });

  it('stores the old content again when a file is put back', async () => {
    const directories = service();
    await directories.load();
    writeFileSync(file, renamed);
    await directories.reload();
    writeFileSync(file, example);
    const back = await directories.reload();

    expect(back.changed).toBe(true);
    expect(await DirectorySnapshot.countDocuments()).toBe(3);
    expect(supervisorName(await service().current())).toBe('王督查');
  });

  it('keeps the previous directory when the new file is bad', async () => {
    const directories = service();
    await directories.load();
    writeFileSync(file, broken);

    const failure = await directories.reload().catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(ConfigError);
    expect((failure as ConfigError).problem).toBe(
      `${file}:52: enterprises[1].shortName 城投 is used twice (first at line 46)`,
    );
    expect(await DirectorySnapshot.countDocuments()).toBe(1);
    expect((await directories.current()).enterprises[1]?.shortName).toBe('文旅');
    expect((await service().current()).enterprises[1]?.shortName).toBe('文旅');
  });
});

describe('DirectoryService.current', () => {
  it('loads the file when nothing has been stored yet', async () => {
    const directory = await service().current();

    expect(directory.enterprises).toHaveLength(3);
    expect(await DirectorySnapshot.countDocuments()).toBe(1);
  });

  it("sees another process's reload within 10 seconds", async () => {
    const web = service();
    const worker = service();
    await web.load();
    expect(supervisorName(await worker.current())).toBe('王督查');

    writeFileSync(file, renamed);
    await web.reload();
    clock.advance(9_000);
    const cached = await worker.current();
    clock.advance(1_000);
    const fresh = await worker.current();

    expect(supervisorName(cached)).toBe('王督查');
    expect(supervisorName(fresh)).toBe('王督查（新）');
  });

  it('takes the latest snapshot when two were stored at the same time', async () => {
    await service().load();
    writeFileSync(file, renamed);
    await service().reload();

    expect(supervisorName(await service().current())).toBe('王督查（新）');
  });
});
