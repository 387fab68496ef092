/**
 * A TCP proxy in front of the real MongoDB-compatible server, for tests of what the bot does
 * when its store is slow or drops a connection. The store stays real; only the network between
 * the bot and it is disturbed. Messages from the client are framed by the wire protocol's
 * length prefix (int32 little-endian), so a rule always sees a whole command.
 */
import net, { type Socket } from 'node:net';
import { testMongoUri } from './test-env.js';

interface Rule {
  /** Every one of these strings occurs in the message (e.g. `insert`, `processed_events`). */
  contains: string[];
  remaining: number;
  /** Hold the message this long, or drop the connection instead of passing it on. */
  effect: { delayMs: number } | 'drop';
}

export interface StoreProxy {
  /** MONGODB_URI through the proxy (a direct connection, so the driver never bypasses it). */
  uri: string;
  /** The next `count` client messages containing every string are held `delayMs` first. */
  delayNext(contains: string[], count: number, delayMs: number): void;
  /** The next `count` client messages containing every string close their connection. */
  dropNext(contains: string[], count: number): void;
  /** Forgets every rule not used up. */
  clear(): void;
  stop(): Promise<void>;
}

/** Starts a proxy to the test MongoDB server on a free local port. */
export async function startStoreProxy(): Promise<StoreProxy> {
  const target = hostAndPort(testMongoUri);
  const rules: Rule[] = [];
  const sockets = new Set<Socket>();
  const server = net.createServer((client) => {
    pipe(client, net.connect(target.port, target.host), rules, sockets);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;

  return {
    uri: viaProxy(testMongoUri, port),
    delayNext: (contains, count, delayMs) =>
      rules.push({ contains, remaining: count, effect: { delayMs } }),
    dropNext: (contains, count) => rules.push({ contains, remaining: count, effect: 'drop' }),
    clear: () => void rules.splice(0),
    stop: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function pipe(client: Socket, upstream: Socket, rules: Rule[], sockets: Set<Socket>): void {
  sockets.add(client).add(upstream);
  const close = () => {
    client.destroy();
    upstream.destroy();
    sockets.delete(client);
    sockets.delete(upstream);
  };
  for (const socket of [client, upstream]) {
    socket.on('close', close);
    socket.on('error', close);
  }
  upstream.on('data', (chunk) => client.write(chunk));

  // One message at a time, in order: a held message holds the ones behind it, as a slow
  // network would.
  let pending = Buffer.alloc(0);
  let chain = Promise.resolve();
  client.on('data', (chunk: Buffer) => {
    pending = Buffer.concat([pending, chunk]);
    while (pending.length >= 4 && pending.length >= pending.readInt32LE(0)) {
      const message = pending.subarray(0, pending.readInt32LE(0));
      pending = pending.subarray(message.length);
      chain = chain.then(() => forward(message));
    }
  });

  async function forward(message: Buffer): Promise<void> {
    const effect = takeRule(rules, message)?.effect;
    if (effect === 'drop') return close();
    if (effect) await new Promise((resolve) => setTimeout(resolve, effect.delayMs));
    if (!upstream.destroyed) upstream.write(message);
  }
}

function takeRule(rules: Rule[], message: Buffer): Rule | undefined {
  const rule = rules.find(
    (r) => r.remaining > 0 && r.contains.every((text) => message.includes(text)),
  );
  if (rule) rule.remaining -= 1;

  return rule;
}

/** The URI with its host replaced by the proxy's, credentials and options kept. */
function viaProxy(uri: string, port: number): string {
  const proxied = uri.replace(
    /^(mongodb:\/\/(?:[^@/]*@)?)[^/?]+/,
    (_all, scheme: string) => `${scheme}127.0.0.1:${port}`,
  );

  return `${proxied}${proxied.includes('?') ? '&' : '?'}directConnection=true`;
}

function hostAndPort(uri: string): { host: string; port: number } {
  const match = /^mongodb:\/\/(?:[^@/]*@)?([^:/,?]+)(?::(\d+))?/.exec(uri);
  if (!match?.[1]) throw new Error(`the store proxy needs a mongodb:// URI, not ${uri}`);

  return { host: match[1], port: Number(match[2] ?? 27017) };
}
