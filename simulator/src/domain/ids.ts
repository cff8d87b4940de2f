// Deterministic ids: the n-th id of a stream is a hash of (seed, stream, n). The counters are stored,
// so a restart continues the sequence instead of repeating it, and a seeded run repeats exactly.
//
// What is stored with the writes is not each counter but a ceiling reserved ahead of it, in blocks of
// RESERVED_IDS: only the commit that opens a new block carries the counters (docs/decisions/0053), not
// every commit. After a crash the sequence goes on from the ceiling (ids are skipped, never repeated); a
// graceful stop stores the exact counters (`exact()`), so the next start goes on exactly where it stopped.
import { hash } from 'node:crypto';

export type Counters = Record<string, number>;

/** Ids of a stream reserved by one stored write. */
export const RESERVED_IDS = 1024;

export class Ids {
  private dirty = false;
  private counters: Counters;
  /** The ceilings last handed out to be stored: every id of a stream is numbered at most its ceiling. */
  private reserved: Counters;
  constructor(
    private readonly seed: string,
    counters: Counters = {},
  ) {
    this.counters = { ...counters };
    this.reserved = { ...counters };
  }

  /** 32 bytes of stable pseudo-randomness for the next item of `stream`. */
  next(stream: string): Buffer {
    return hash('sha256', this.material(stream), 'buffer');
  }

  /** What the n-th item of `stream` is derived from; counts it, and reserves the next block when it needs one. */
  private material(stream: string): string {
    const n = (this.counters[stream] ?? 0) + 1;
    this.counters[stream] = n;
    if (n > (this.reserved[stream] ?? 0)) {
      this.reserved[stream] = n - 1 + RESERVED_IDS;
      this.dirty = true;
    }
    return `${this.seed}\u0000${stream}\u0000${n}`;
  }

  uuid(stream: string): string {
    return uuidFromHex(hash('sha256', this.material(stream), 'hex'));
  }

  hex(stream: string, length: number, upper = false): string {
    const s = this.next(stream).toString('hex').slice(0, length);
    return upper ? s.toUpperCase() : s;
  }

  /**
   * `length` characters of `alphabet` (at most 32) for the next item of `stream`: a provider's receipt number.
   * One hash; re-seeding faker for each one cost about 40 µs of the main thread per payment (decision 0115).
   */
  code(stream: string, alphabet: string, length: number): string {
    const bytes = this.next(stream);
    let code = '';
    for (let i = 0; i < length; i++) code += alphabet[bytes[i]! % alphabet.length];
    return code;
  }

  /** A 31-bit integer seed for faker, for the next item of `stream`. */
  int(stream: string): number {
    return this.next(stream).readUInt32BE(0) & 0x7fffffff;
  }

  /**
   * The ceilings, if a new block was reserved since the last call: to be stored with the write that
   * uses the first id of it (a later write's ids are below the ceiling too).
   */
  takeDirty(): Counters | null {
    if (!this.dirty) return null;
    this.dirty = false;
    return { ...this.reserved };
  }

  /** The counters as they are (stored on a graceful stop): a start from them repeats no id and skips none. */
  exact(): Counters {
    return { ...this.counters };
  }

  /** Whether the stored ceilings are ahead of the counters (a graceful stop then stores `exact()`). */
  get ahead(): boolean {
    for (const stream of Object.keys(this.reserved)) if (this.reserved[stream] !== this.counters[stream]) return true;
    return false;
  }

  restore(counters: Counters): void {
    this.counters = { ...counters };
    this.reserved = { ...counters };
    this.dirty = false;
  }
}

/** A version-4, variant-1 UUID from 32 hex digits, without going through a Buffer (one is made per create). */
function uuidFromHex(h: string): string {
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
