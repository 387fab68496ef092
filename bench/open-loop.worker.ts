/**
 * The driver thread of open-loop.ts: starts each request on its schedule, whatever the
 * server does, and times it from that scheduled start.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { DriverResult, PreparedRequest } from './open-loop.js';

const { rate, requests } = workerData as { rate: number; requests: PreparedRequest[] };
const latencies: number[] = [];
const failures: Record<string, number> = {};
let failed = 0;
const start = performance.now() + 50;

await Promise.all(
  requests.map(async (request, i) => {
    const scheduled = start + (i * 1000) / rate;
    await sleepUntil(scheduled);
    const failure = await send(request);
    latencies.push(performance.now() - scheduled);
    if (failure) {
      failed += 1;
      failures[failure] = (failures[failure] ?? 0) + 1;
    }
  }),
);
const elapsedS = (performance.now() - start) / 1000;
const result: DriverResult = { latencies, failed, failures, elapsedS };
parentPort?.postMessage(result);

/** Why the request failed (`HTTP 500`, an error code), or null when it got a 200. */
async function send(request: PreparedRequest): Promise<string | null> {
  try {
    const res = await fetch(request.url, {
      method: 'POST',
      headers: request.headers,
      body: request.body,
    });
    await res.arrayBuffer();
    return res.status === 200 ? null : `HTTP ${res.status}`;
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    return cause?.code ?? (error as Error).message;
  }
}

function sleepUntil(at: number): Promise<void> {
  const waitMs = at - performance.now();

  return waitMs > 0 ? new Promise((resolve) => setTimeout(resolve, waitMs)) : Promise.resolve();
}
