import type { RuntimeContext } from '../../runtime.js';

/**
 * What the 督查室 side uses of the runtime: time, the rules, the directory (reloadable), the
 * outbox, the event bus, the queues (exports) and the settings (signed report links). The
 * enterprise side's helpers accept it too (src/app/enterprise/context.ts).
 */
export type OfficeContext = Pick<
  RuntimeContext,
  'env' | 'logger' | 'clock' | 'policy' | 'calendar' | 'directory' | 'outbox' | 'events' | 'queues'
>;
