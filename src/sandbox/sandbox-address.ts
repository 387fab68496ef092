/**
 * Where the sandbox listens and how it is reached. Anyone who can open its page can act as
 * anyone in the directory, so it listens on this machine only (127.0.0.1) unless SANDBOX_HOST
 * opens it up.
 */
import { isIPv6 } from 'node:net';

/** The default listen address: this machine only. */
export const defaultSandboxHost = '127.0.0.1';

const everyInterface = new Set(['0.0.0.0', '::']);
const thisMachine = new Set(['127.0.0.1', '::1', 'localhost']);

/** The listen address: SANDBOX_HOST when set, else 127.0.0.1. Throws for what is no address. */
export function sandboxHost(source: Record<string, string | undefined>): string {
  const host = source.SANDBOX_HOST ?? defaultSandboxHost;
  if (!/^[A-Za-z0-9.:-]+$/.test(host)) {
    const use = "0.0.0.0 (every interface) or one of this machine's addresses";
    throw new Error(`SANDBOX_HOST "${host}" is not an address: use ${use}`);
  }

  return host;
}

/** True when others on the network can reach the sandbox. */
export function isOpenedUp(host: string): boolean {
  return !thisMachine.has(host);
}

/** The origin a browser on this machine opens (localhost when it listens there or everywhere). */
export function browserOrigin(host: string, port: number): string {
  const name = everyInterface.has(host) || thisMachine.has(host) ? 'localhost' : urlHost(host);

  return `http://${name}:${port}`;
}

/** The origin the sandbox posts its own signed events to. */
export function selfOrigin(host: string, port: number): string {
  const name = everyInterface.has(host) ? '127.0.0.1' : urlHost(host);

  return `http://${name}:${port}`;
}

function urlHost(host: string): string {
  return isIPv6(host) ? `[${host}]` : host;
}
