// A callbackUrl may not point at this simulator (docs/decisions/0074). A callback sent to its own /_sim
// reset another merchant, a refund callback of a sandbox merchant wiped the production one, and a callback
// to its own replay URL replayed itself 10,000 times in 17 s. The built-in inbox (/_sim/inbox/...) is the
// one address of the simulator a callback may go to: it only records what it gets.
import { networkInterfaces, hostname as machineName } from 'node:os';
import { isIP } from 'node:net';

/** Every name and address this process answers to, and the ports it answers on. */
export interface SelfAddresses {
  /** PUBLIC_URL: whatever proxy or port mapping is in front, a URL under it reaches this process. */
  publicUrl: string;
  ports: ReadonlySet<number>;
  /** Host names and addresses (lower-case, IPv6 without brackets) besides loopback and the wildcard ones. */
  names: ReadonlySet<string>;
}

const INBOX_PATH = '/_sim/inbox/';

/** "::ffff:7f00:1" (how the URL parser writes ::ffff:127.0.0.1) → "127.0.0.1"; other addresses as they are. */
function unmapped(address: string): string {
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(address);
  if (!hex) return address.replace(/^::ffff:(?=\d+\.)/, '');
  const [hi, lo] = [parseInt(hex[1]!, 16), parseInt(hex[2]!, 16)];
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}

/** Loopback, "this host" wildcards and localhost names: they reach the machine the simulator runs on. */
function isLocalName(host: string): boolean {
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  const address = unmapped(host);
  if (isIP(address) === 4) return address.startsWith('127.') || address.startsWith('0.');
  return address === '::1' || address === '::';
}

/** Whether a callback sent to `url` would reach this simulator (other than its inbox). */
export function pointsAtSelf(url: string, self: SelfAddresses): boolean {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return false;
  }
  if (target.pathname.startsWith(INBOX_PATH)) return false;
  if (target.origin === new URL(self.publicUrl).origin) return true;
  const port = Number(target.port || (target.protocol === 'https:' ? 443 : 80));
  if (!self.ports.has(port)) return false;
  const host = target.hostname
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
  if (isLocalName(host) || self.names.has(host) || self.names.has(unmapped(host))) return true;
  // SIM_ALLOWED_HOSTS' ".example.com" entries: the domain and every name under it.
  for (const name of self.names) if (name.startsWith('.') && (host === name.slice(1) || host.endsWith(name))) return true;
  return false;
}

/** The 400 for a callback URL that points at this simulator. */
export function selfTargetMessage(): string {
  return `must not point at this simulator (a callback would drive its own API); use your receiver's URL, or the built-in inbox ${INBOX_PATH}<name>`;
}

/** The names and addresses of this machine and of the simulator's settings, read when asked (interfaces change). */
export function selfAddresses(publicUrl: string, ports: number[], configured: readonly string[]): SelfAddresses {
  ports = [...ports, Number(new URL(publicUrl).port || (publicUrl.startsWith('https:') ? 443 : 80))];
  const names = new Set<string>([machineName().toLowerCase(), new URL(publicUrl).hostname.replace(/^\[|\]$/g, ''), ...configured.map((n) => n.toLowerCase())]);
  for (const list of Object.values(networkInterfaces())) for (const nic of list ?? []) names.add(nic.address.toLowerCase());
  return { publicUrl, ports: new Set(ports), names };
}
