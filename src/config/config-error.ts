/** A setting that stops start-up. The message is one line naming the setting and the fix. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';

  constructor(
    readonly setting: string,
    readonly problem: string,
  ) {
    super(`${setting}: ${problem}`);
  }
}
