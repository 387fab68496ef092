/**
 * The driver thread of open-loop.ts: starts each request on its schedule, whatever the
 * server does, and times it from that scheduled start.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { DriverResult, PreparedRequest } from './open-loop.js';

const { rate, requests } = workerData as { rate: number; requests: PreparedRequest[] };
const latencies: number[] = [];
let failed = 0;
const start = performance.now() + 50;

await Promise.all(
  requests.map(async (request, i) => {
    const scheduled = start + (i * 1000) / rate;
    await sleepUntil(scheduled);
    const ok = await send(request);
    latencies.push(performance.now() - scheduled);
    if (!ok) failed += 1;
  }),
);
const result: DriverResult = { latencies, failed, elapsedS: (performance.now() - start) / 1000 };
parentPort?.postMessage(result);

async function send(request: PreparedRequest): Promise<boolean> {
  try {
    const res = await fetch(request.url, {
      method: 'POST',
      headers: request.headers,
      body: request.body,
    });
    await res.arrayBuffer();
    return res.status === 200;
  } catch {
    return false;
  }
}

function sleepUntil(at: number): Promise<void> {
  const waitMs = at - performance.now();

  return waitMs > 0 ? new Promise((resolve) => setTimeout(resolve, waitMs)) : Promise.resolve();
}
