import { createHash } from 'node:crypto';
import type { Clock } from '../clock.js';
import { ConfigError } from '../config/config-error.js';
import { parseDirectory } from '../config/directory-file.js';
import { readConfigText } from '../config/yaml-source.js';
import type { Directory } from '../domain/types.js';
import type { Logger } from '../logging/logger.js';
import { DirectorySnapshot } from './directory.model.js';

/** How long a process trusts its copy of the latest snapshot before asking MongoDB again. */
const cacheTtlMs = 10_000;

const newestFirst = { loadedAt: -1, _id: -1 } as const;

/**
 * The directory in force. MongoDB holds the truth (the latest snapshot), so every process
 * agrees within `cacheTtlMs` after a reload in any of them. The file is read only by
 * `load` and `reload`.
 *
 * Limitation: the latest load wins. Replicas on several hosts must share one directory file,
 * or a restart of a replica with an older copy puts the older directory back in force.
 */
export class DirectoryService {
  private cached: { directory: Directory; fetchedAtMs: number } | null = null;

  constructor(
    private readonly file: string,
    private readonly logger: Logger,
    private readonly clock: Clock,
  ) {}

  /**
   * Reads and validates the file and stores a snapshot unless the latest has the same content.
   * Throws the ConfigError of a bad file; nothing is stored then.
   */
  async load(): Promise<Directory> {
    return (await this.loadFile()).directory;
  }

  /**
   * `load`, saying whether the file changed since the latest snapshot. A file that fails
   * validation leaves the previous directory in force; its ConfigError is rethrown, and its
   * message is what the person who asked for the reload is shown.
   */
  async reload(): Promise<{ changed: boolean; directory: Directory }> {
    try {
      return await this.loadFile();
    } catch (error) {
      if (error instanceof ConfigError) {
        this.logger.warn({ file: this.file, problem: error.problem }, 'directory reload refused');
      }
      throw error;
    }
  }

  /** The latest snapshot; loads the file when none has been stored yet (first start). */
  async current(): Promise<Directory> {
    const ageMs = this.clock.now().getTime() - (this.cached?.fetchedAtMs ?? 0);
    if (this.cached && ageMs >= 0 && ageMs < cacheTtlMs) return this.cached.directory;

    const latest = await DirectorySnapshot.findOne({}, { directory: 1 }).sort(newestFirst).lean();
    if (!latest) return this.load();

    this.remember(latest.directory);
    return latest.directory;
  }

  private async loadFile(): Promise<{ changed: boolean; directory: Directory }> {
    // Validate before touching the store: a bad file changes nothing.
    const text = readConfigText(this.file, 'DIRECTORY_FILE');
    const directory = parseDirectory(text, this.file);
    const hash = createHash('sha256').update(text).digest('hex');

    const latest = await DirectorySnapshot.findOne({}, { hash: 1 }).sort(newestFirst).lean();
    const changed = latest?.hash !== hash;
    if (changed) {
      await DirectorySnapshot.create({
        loadedAt: this.clock.now(),
        source: this.file,
        hash,
        directory,
      });
    }

    this.remember(directory);
    this.logger.info(
      {
        file: this.file,
        hash: hash.slice(0, 12),
        changed,
        people: directory.people.length,
        enterprises: directory.enterprises.length,
      },
      'directory loaded',
    );
    return { changed, directory };
  }

  private remember(directory: Directory): void {
    this.cached = { directory, fetchedAtMs: this.clock.now().getTime() };
  }
}
