/**
 * An open-loop load driver: requests start on a fixed schedule whatever the server does, and
 * latency counts from the scheduled start, so a server that falls behind shows it (no
 * coordinated omission). The requests go from a worker thread (open-loop.worker.ts), so the
 * driver's own work does not stall the event loop of a server running in this process.
 */
import { Worker } from 'node:worker_threads';

/** One request, ready to send: the body and headers are made before the clock starts. */
export interface PreparedRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** What the driver thread reports. */
export interface DriverResult {
  latencies: number[];
  failed: number;
  /** Failures by reason: `HTTP 500`, `UND_ERR_SOCKET`, … */
  failures: Record<string, number>;
  elapsedS: number;
}

export interface PhaseResult {
  label: string;
  targetRate: number;
  sent: number;
  failed: number;
  failures: Record<string, number>;
  /** Completed requests per second, first scheduled start to last completion. */
  throughput: number;
  p50Ms: number;
  p99Ms: number;
}

/**
 * The thread's entry: registers tsx in the thread (a worker does not inherit the main
 * thread's loader on Node 20), then runs the TypeScript driver.
 */
const driverBootstrap = `
import('tsx/esm/api')
  .then(({ register }) => register())
  .then(() => import(${JSON.stringify(new URL('./open-loop.worker.ts', import.meta.url).href)}));
`;

/** Sends `requests` at `rate` per second and measures each from its scheduled start. */
export async function runPhase(
  label: string,
  rate: number,
  requests: PreparedRequest[],
): Promise<PhaseResult> {
  const worker = new Worker(driverBootstrap, { eval: true, workerData: { rate, requests } });
  const { latencies, failed, failures, elapsedS } = await new Promise<DriverResult>(
    (resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    },
  );
  await worker.terminate();

  latencies.sort((a, b) => a - b);
  return {
    label,
    targetRate: rate,
    sent: requests.length,
    failed,
    failures,
    throughput: (requests.length - failed) / elapsedS,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
  };
}

/** The value below which `fraction` of the sorted values fall (nearest rank). */
export function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1);

  return sorted[Math.max(0, rank)]!;
}
