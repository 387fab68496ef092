import { readFileSync } from 'node:fs';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { ConfigError } from './config-error.js';

/** Keys and list indexes leading to a value, as zod reports them. */
export type ValuePath = readonly PropertyKey[];

/** One thing wrong in a config file: where it is and a predicate such as `must be …`. */
export interface ConfigProblem {
  path: ValuePath;
  message: string;
}

/** A parsed YAML file that remembers where each value was written. */
export interface YamlSource {
  file: string;
  /** The document as plain data; null for an empty file. */
  data: unknown;
  /** The 1-based line of the value at `path`, or of its nearest ancestor that exists. */
  lineOf(path: ValuePath): number;
}

/** Reads a config file as UTF-8. A missing or unreadable file is a ConfigError for `setting`. */
export function readConfigText(file: string, setting: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new ConfigError(setting, `${file}: cannot be read (${code})`);
  }
}

/**
 * Parses YAML text. A syntax error (duplicate keys included) is a ConfigError for `setting`
 * reading `<file>:<line>: <what the parser says>`.
 */
export function parseYamlSource(file: string, text: string, setting: string): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true });

  const syntax = doc.errors[0];
  if (syntax) {
    const line = syntax.linePos?.[0].line ?? 1;
    const what = syntax.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '');
    throw new ConfigError(setting, `${file}:${line}: ${what}`);
  }

  const lineOf = (path: ValuePath) => lineCounter.linePos(offsetOf(doc, path)).line;
  return { file, data: doc.toJS(), lineOf };
}

/**
 * Where a value starts. A mapping entry points at its key (so a nested block points at the
 * line that names it); a missing key points at the nearest ancestor that is there.
 */
function offsetOf(doc: Document, path: ValuePath): number {
  let node: unknown = doc.contents;
  let offset = doc.contents?.range?.[0] ?? 0;

  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === segment);
      if (!pair) break;
      offset = (isScalar(pair.key) ? pair.key.range?.[0] : undefined) ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number' && node.items[segment]) {
      node = node.items[segment];
      offset = (node as { range?: [number] }).range?.[0] ?? offset;
    } else {
      break;
    }
  }

  return offset;
}

/** `enterprises[1].shortName`; the empty path is the whole document. */
export function pathText(path: ValuePath): string {
  if (path.length === 0) return 'the document';

  return path
    .map((segment, i) =>
      typeof segment === 'number' ? `[${segment}]` : `${i ? '.' : ''}${String(segment)}`,
    )
    .join('');
}

/** `<file>:<line>: <path> <message>`. */
export function formatProblem(source: YamlSource, problem: ConfigProblem): string {
  const line = source.lineOf(problem.path);

  return `${source.file}:${line}: ${pathText(problem.path)} ${problem.message}`;
}

/**
 * The ConfigError for the problem written earliest in the file, so an administrator fixing the
 * file from the top meets them in order.
 */
export function configErrorFor(
  source: YamlSource,
  setting: string,
  problems: readonly ConfigProblem[],
): ConfigError {
  const lines = problems.map((problem) => source.lineOf(problem.path));
  const first = lines.indexOf(Math.min(...lines));

  return new ConfigError(setting, formatProblem(source, problems[first] ?? problems[0]!));
}

/** zod's issues as problems; an unknown key becomes a problem at that key (its own line). */
export function problemsOf(error: z.ZodError): ConfigProblem[] {
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: [...issue.path, key], message: issue.message }))
      : [{ path: issue.path, message: issue.message }],
  );
}

/**
 * Messages for zod's generic issues, phrased to follow the path (`… must be a number (found
 * 'ten')`). Pass as the `error` option of `safeParse`; schemas with their own message win.
 */
export const issueText: z.core.$ZodErrorMap = (issue) => {
  const found = `(found ${show(issue.input)})`;

  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'is required';
      return `must be ${typeName(issue.expected)} ${found}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map(String).join(', ')} ${found}`;
    case 'unrecognized_keys':
      return `is not a known key; known keys are ${knownKeys(issue.inst).join(', ')}`;
    case 'too_small':
      if (Number(issue.minimum) === 1) return 'must not be empty';
      return issue.origin === 'array' ? `must list at least ${issue.minimum}` : undefined;
    default:
      return undefined;
  }
};

/** A value as a message quotes it: strings in quotes, collections by kind. */
export function show(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (value === null) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';

  return String(value);
}

function typeName(expected: string): string {
  const names: Record<string, string> = {
    object: 'a mapping (key: value)',
    array: 'a list',
    int: 'a whole number',
    string: 'text',
    number: 'a number',
    boolean: 'true or false',
  };

  return names[expected] ?? expected;
}

/** The keys an object schema declares (zod hands the schema instance to the error map). */
function knownKeys(schema: unknown): string[] {
  const shape = (schema as { shape?: Record<string, unknown> } | undefined)?.shape;

  return shape ? Object.keys(shape) : [];
}
