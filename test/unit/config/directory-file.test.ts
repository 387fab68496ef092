import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/config/config-error.js';
import { loadDirectoryFile } from '../../../src/config/directory-file.js';
import type { Directory } from '../../../src/domain/types.js';
import { projectRoot } from '../../support/test-env.js';

const dir = mkdtempSync(join(tmpdir(), 'directory-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Line numbers matter: the cases below name them.
const base = `office:
  name: 国资办
  supervisionUnit: 督查室
people:
  - openId: ou_s1
    name: 王督查
    roles: [supervisor]
  - openId: ou_h1
    name: 城投张总
  - openId: ou_l1
    name: 城投联络员
enterprises:
  - id: chengtou
    name: 城市建设投资有限公司
    shortName: 城投
    head: ou_h1
    liaisons: [ou_l1]
`;

/** A second enterprise, lines 18 (id) to 22 (liaisons) when appended to `base`. */
function second(fields: Record<string, string> = {}): string {
  const e = { id: 'wenlv', name: '文化旅游投资集团', shortName: '文旅', head: 'ou_h1', ...fields };
  const liaisons = fields.liaisons ?? '[ou_l1]';

  return [
    `  - id: ${e.id}`,
    `    name: ${e.name}`,
    `    shortName: ${e.shortName}`,
    `    head: ${e.head}`,
    `    liaisons: ${liaisons}`,
    '',
  ].join('\n');
}

let written = 0;

function writeYaml(yaml: string): string {
  written += 1;
  const file = join(dir, `directory-${written}.yaml`);
  writeFileSync(file, yaml);

  return file;
}

function load(yaml: string): Directory {
  return loadDirectoryFile(writeYaml(yaml));
}

describe('loadDirectoryFile', () => {
  it('loads config/directory.example.yaml', () => {
    const directory = loadDirectoryFile(`${projectRoot}config/directory.example.yaml`);

    expect(directory.office.chatId).toBe('oc_0a1b2c3d4e5f60718293a4b5c6d7e8f9');
    expect(directory.people).toHaveLength(10);
    expect(directory.people[4]).toEqual({
      openId: 'ou_20000000000000000000000000000001',
      userId: 'ct001',
      name: '城投张总',
      roles: [],
    });
    expect(directory.enterprises.map((e) => e.shortName)).toEqual(['城投', '文旅', '水务']);
  });

  it('renames head and liaisons and leaves an absent chatId out', () => {
    const directory = load(base + second());

    expect(directory.enterprises[1]).toStrictEqual({
      id: 'wenlv',
      name: '文化旅游投资集团',
      shortName: '文旅',
      headOpenId: 'ou_h1',
      liaisonOpenIds: ['ou_l1'],
    });
  });

  it('lets one person be head or liaison of several enterprises', () => {
    const directory = load(base + second({ liaisons: '[ou_l1, ou_s1]' }));

    expect(directory.enterprises.map((e) => e.headOpenId)).toEqual(['ou_h1', 'ou_h1']);
    expect(directory.enterprises[1]?.liaisonOpenIds).toEqual(['ou_l1', 'ou_s1']);
  });

  it('trims names', () => {
    const directory = load(base.replace('name: 王督查', "name: '  王督查 '"));

    expect(directory.people[0]?.name).toBe('王督查');
  });

  it('names an unreadable file', () => {
    const file = join(dir, 'missing.yaml');

    expect(() => loadDirectoryFile(file)).toThrow(`DIRECTORY_FILE: ${file}: cannot be read`);
  });

  it.each([
    [
      'a duplicate short name',
      base + second({ shortName: '城投' }),
      '20: enterprises[1].shortName 城投 is used twice (first at line 15)',
    ],
    [
      'a duplicate enterprise id',
      base + second({ id: 'chengtou' }),
      '18: enterprises[1].id chengtou is used twice (first at line 13)',
    ],
    [
      'a duplicate full name',
      base + second({ name: '城市建设投资有限公司' }),
      '19: enterprises[1].name 城市建设投资有限公司 is used twice (first at line 14)',
    ],
    [
      'a duplicate person',
      base.replace('openId: ou_l1', 'openId: ou_h1'),
      '10: people[2].openId ou_h1 is used twice (first at line 8)',
    ],
    [
      'a head not defined under people',
      base + second({ head: 'ou_x9' }),
      '21: enterprises[1].head ou_x9 is referenced but not defined under people',
    ],
    [
      'a liaison not defined under people',
      base + second({ liaisons: '[ou_l1, ou_y9]' }),
      '22: enterprises[1].liaisons[1] ou_y9 is referenced but not defined under people',
    ],
    [
      'a liaison listed twice',
      base + second({ liaisons: '[ou_l1, ou_l1]' }),
      '22: enterprises[1].liaisons[1] ou_l1 is used twice (first at line 22)',
    ],
    [
      'an enterprise without liaisons',
      base + second({ liaisons: '[]' }),
      '22: enterprises[1].liaisons must not be empty',
    ],
    [
      'an enterprise missing its liaisons key',
      base + second().replace('    liaisons: [ou_l1]\n', ''),
      '18: enterprises[1].liaisons is required',
    ],
    [
      'a role that does not exist',
      base.replace('roles: [supervisor]', 'roles: [supervisor, boss]'),
      "7: people[0].roles[1] role 'boss' does not exist; roles are leader, supervisor, discipline",
    ],
    [
      'an enterprise role given as an office role',
      base.replace('roles: [supervisor]', 'roles: [head]'),
      "7: people[0].roles[0] role 'head' is an enterprise role; name heads and liaisons under enterprises",
    ],
    [
      'an open_id without ou_',
      base.replace('openId: ou_s1', 'openId: s1'),
      "5: people[0].openId must be a Feishu open_id such as ou_… (found 's1')",
    ],
    [
      'a chat id without oc_',
      base + second() + '    chatId: 12345\n',
      '23: enterprises[1].chatId must be a Feishu chat_id such as oc_… (found 12345)',
    ],
    [
      'an enterprise id with capitals',
      base + second({ id: 'WenLv' }),
      "18: enterprises[1].id must be lowercase letters, digits and '-' (found 'WenLv')",
    ],
    [
      'an unknown key on a person',
      base.replace('    name: 王督查\n', '    name: 王督查\n    title: 科长\n'),
      '7: people[0].title is not a known key; known keys are openId, userId, name, roles',
    ],
    [
      'a blank name',
      base.replace('name: 王督查', "name: ' '"),
      '6: people[0].name must not be empty',
    ],
    [
      'an office without a name',
      base.replace('  name: 国资办\n', ''),
      '1: office.name is required',
    ],
    [
      'an empty office',
      base.replace('  name: 国资办\n  supervisionUnit: 督查室\n', ''),
      '1: office must be a mapping (key: value) (found nothing)',
    ],
    [
      'an office nobody would hear',
      base.replace('roles: [supervisor]', 'roles: [leader]'),
      '1: office has no chatId and no person has the supervisor role: escalations would reach no one',
    ],
    ['an empty file', '', '1: office is required'],
    [
      'a duplicate key',
      base.replace('  name: 国资办\n', '  name: 国资办\n  name: 国资委\n'),
      '3: Map keys must be unique',
    ],
  ])('refuses %s with the line and what is wrong', (_case, yaml, expected) => {
    const file = writeYaml(yaml);
    const error = captureError(() => loadDirectoryFile(file));

    expect(error.setting).toBe('DIRECTORY_FILE');
    expect(error.message).toBe(`DIRECTORY_FILE: ${file}:${expected}`);
  });
});

function captureError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}
