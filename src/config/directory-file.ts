import { z } from 'zod';
import { officeRoles, type Directory, type Enterprise } from '../domain/types.js';
import {
  configErrorFor,
  issueText,
  parseYamlSource,
  problemsOf,
  readConfigText,
  show,
  type ConfigProblem,
  type ValuePath,
  type YamlSource,
} from './yaml-source.js';

const setting = 'DIRECTORY_FILE';

/** Text that is not blank once trimmed. */
const text = z.string().trim().min(1);

/** Text matching `regex`; one message for any other value, `is required` when missing. */
function matching(regex: RegExp, what: string) {
  const error = (issue: { input?: unknown }) =>
    issue.input === undefined ? undefined : `must be ${what} (found ${show(issue.input)})`;

  return z.string({ error }).regex(regex, { error });
}

/** A Feishu open_id: `ou_` and letters or digits. */
const openId = matching(/^ou_[A-Za-z0-9]+$/, 'a Feishu open_id such as ou_…');

/** A Feishu chat id: `oc_` and letters or digits. */
const chatId = matching(/^oc_[A-Za-z0-9]+$/, 'a Feishu chat_id such as oc_…');

/** An enterprise id, stable in records. */
const enterpriseId = matching(/^[a-z0-9][a-z0-9-]*$/, "lowercase letters, digits and '-'");

const role = z.enum(officeRoles, {
  error: (issue) =>
    issue.input === 'head' || issue.input === 'liaison'
      ? `role '${issue.input}' is an enterprise role; name heads and liaisons under enterprises`
      : `role ${show(issue.input)} does not exist; roles are ${officeRoles.join(', ')}`,
});

const person = z.strictObject({
  /** Feishu open_id, the person's identity. */
  openId,
  /** Feishu user_id, optional. */
  userId: text.optional(),
  /** The name shown on cards and records. */
  name: text,
  /** Office roles; enterprise roles come from `enterprises`. Default none. */
  roles: z.array(role).default(() => []),
});

const enterprise = z
  .strictObject({
    /** Stable id used in records: lowercase letters, digits and '-'. */
    id: enterpriseId,
    /** Full registered name. */
    name: text,
    /** 简称 used in commands, e.g. 城投. */
    shortName: text,
    /** 第一责任人's open_id. */
    head: openId,
    /** 专人 open_ids, at least one. */
    liaisons: z.array(openId).min(1),
    /** The enterprise's group chat, optional. */
    chatId: chatId.optional(),
  })
  .transform(({ head, liaisons, chatId, ...rest }) => ({
    ...rest,
    headOpenId: head,
    liaisonOpenIds: liaisons,
    ...(chatId ? { chatId } : {}),
  }));

const directorySchema = z.strictObject({
  office: z.strictObject({ name: text, supervisionUnit: text, chatId: chatId.optional() }),
  people: z.array(person),
  enterprises: z.array(enterprise),
});

/** Values that must be unique: each repeat is a problem pointing back at the first. */
function repeats(entries: Array<[string, ValuePath]>, source: YamlSource): ConfigProblem[] {
  const first = new Map<string, ValuePath>();

  return entries.flatMap(([value, path]) => {
    const earlier = first.get(value);
    if (!earlier) {
      first.set(value, path);
      return [];
    }

    const message = `${value} is used twice (first at line ${source.lineOf(earlier)})`;
    return [{ path, message }];
  });
}

/** Each head and liaison of each enterprise, with where it is written. */
function enterprisePeople(enterprise: Enterprise, i: number): Array<[string, ValuePath]> {
  return [
    [enterprise.headOpenId, ['enterprises', i, 'head']],
    ...enterprise.liaisonOpenIds.map((id, j): [string, ValuePath] => [
      id,
      ['enterprises', i, 'liaisons', j],
    ]),
  ];
}

/** Every head and liaison must be defined under people. */
function unknownPeople(directory: Directory): ConfigProblem[] {
  const known = new Set(directory.people.map((p) => p.openId));

  return directory.enterprises
    .flatMap(enterprisePeople)
    .filter(([id]) => !known.has(id))
    .map(([id, path]) => ({ path, message: `${id} is referenced but not defined under people` }));
}

/** A liaison is listed once per enterprise (several enterprises may share one). */
function repeatedLiaisons(directory: Directory, source: YamlSource): ConfigProblem[] {
  return directory.enterprises.flatMap((enterprise, i) =>
    repeats(enterprisePeople(enterprise, i).slice(1), source),
  );
}

/** Without an office chat, escalations go to supervisors: there must be one. */
function unreachableOffice(directory: Directory): ConfigProblem[] {
  if (directory.office.chatId) return [];
  if (directory.people.some((p) => p.roles.includes('supervisor'))) return [];
  const message =
    'has no chatId and no person has the supervisor role: escalations would reach no one';

  return [{ path: ['office'], message }];
}

/** Checks across entries, which the schema cannot see one value at a time. */
function crossProblems(directory: Directory, source: YamlSource): ConfigProblem[] {
  const people = directory.people.map((p, i): [string, ValuePath] => [
    p.openId,
    ['people', i, 'openId'],
  ]);
  const field = (key: 'id' | 'shortName' | 'name') =>
    directory.enterprises.map((e, i): [string, ValuePath] => [e[key], ['enterprises', i, key]]);

  return [
    ...repeats(people, source),
    ...repeats(field('id'), source),
    ...repeats(field('shortName'), source),
    ...repeats(field('name'), source),
    ...unknownPeople(directory),
    ...repeatedLiaisons(directory, source),
    ...unreachableOffice(directory),
  ];
}

/** Validates directory YAML text; `file` only names it in messages. */
export function parseDirectory(text: string, file: string): Directory {
  const source = parseYamlSource(file, text, setting);
  const result = directorySchema.safeParse(source.data ?? {}, { error: issueText });
  if (!result.success) throw configErrorFor(source, setting, problemsOf(result.error));

  const problems = crossProblems(result.data, source);
  if (problems.length > 0) throw configErrorFor(source, setting, problems);

  return result.data;
}

/**
 * Reads and validates DIRECTORY_FILE. One person may be head or liaison of several enterprises.
 * Throws a ConfigError('DIRECTORY_FILE', '<file>:<line>: <what is wrong>') on the first problem.
 */
export function loadDirectoryFile(file: string): Directory {
  return parseDirectory(readConfigText(file, setting), file);
}
