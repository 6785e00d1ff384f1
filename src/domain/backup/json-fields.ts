/**
 * Reads typed fields out of parsed JSON, naming the path of the first bad one
 * ("articles[3].status: expected a string"). Used by the readers of imported files,
 * which must refuse a malformed file with a message rather than crash on it.
 */

/** A field of an imported file that is missing or of the wrong type. */
export class FieldError extends Error {
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${path}: ${problem}`);
    this.name = 'FieldError';
  }
}

/** A JSON object (not null, not an array). */
export type JsonObject = Record<string, unknown>;

/** Whether a value is a JSON object. */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A view on one object of the file, at a path. */
export class Fields {
  constructor(
    readonly value: JsonObject,
    readonly path: string,
  ) {}

  /** Wraps a value that must be an object. */
  static of(value: unknown, path: string): Fields {
    if (!isJsonObject(value)) throw new FieldError(path, 'expected an object');
    return new Fields(value, path);
  }

  private at(key: string): string {
    return this.path === '' ? key : `${this.path}.${key}`;
  }

  /** A required string. */
  string(key: string): string {
    const v = this.value[key];
    if (typeof v !== 'string') throw new FieldError(this.at(key), 'expected a string');
    return v;
  }

  /** A string or null. */
  nullableString(key: string): string | null {
    const v = this.value[key];
    if (v === null || v === undefined) return null;
    if (typeof v !== 'string') throw new FieldError(this.at(key), 'expected a string or null');
    return v;
  }

  /** A required integer. */
  integer(key: string): number {
    const v = this.value[key];
    if (typeof v !== 'number' || !Number.isSafeInteger(v)) throw new FieldError(this.at(key), 'expected an integer');
    return v;
  }

  /** An integer or null. */
  nullableInteger(key: string): number | null {
    const v = this.value[key];
    if (v === null || v === undefined) return null;
    if (typeof v !== 'number' || !Number.isSafeInteger(v)) throw new FieldError(this.at(key), 'expected an integer or null');
    return v;
  }

  /** A required boolean. */
  boolean(key: string): boolean {
    const v = this.value[key];
    if (typeof v !== 'boolean') throw new FieldError(this.at(key), 'expected true or false');
    return v;
  }

  /** One of a closed list of strings. */
  oneOf<T extends string>(key: string, allowed: readonly T[]): T {
    const v = this.string(key);
    if (!(allowed as readonly string[]).includes(v)) throw new FieldError(this.at(key), `expected one of ${allowed.join(', ')} (got "${v}")`);
    return v as T;
  }

  /** An ISO 8601 instant, as milliseconds. */
  instant(key: string): number {
    const v = this.string(key);
    const ms = parseInstant(v);
    if (ms === undefined) throw new FieldError(this.at(key), `expected an ISO 8601 date-time (got "${v.slice(0, 40)}")`);
    return ms;
  }

  /** An ISO 8601 instant or null. */
  nullableInstant(key: string): number | null {
    const v = this.value[key];
    if (v === null || v === undefined) return null;
    return this.instant(key);
  }

  /** A list of integers. */
  integers(key: string): number[] {
    return this.array(key).map((v, i) => {
      if (typeof v !== 'number' || !Number.isSafeInteger(v)) throw new FieldError(`${this.at(key)}[${i}]`, 'expected an integer');
      return v;
    });
  }

  /** A required array. */
  array(key: string): unknown[] {
    const v = this.value[key];
    if (!Array.isArray(v)) throw new FieldError(this.at(key), 'expected a list');
    return v;
  }

  /** An array of objects, each read by `read`. */
  objects<T>(key: string, read: (item: Fields, index: number) => T): T[] {
    return this.array(key).map((item, i) => read(Fields.of(item, `${this.at(key)}[${i}]`), i));
  }

  /** A nested object. */
  object(key: string): Fields {
    return Fields.of(this.value[key], this.at(key));
  }

  /** Any JSON value present under a key. */
  present(key: string): unknown {
    if (!(key in this.value)) throw new FieldError(this.at(key), 'is missing');
    return this.value[key];
  }
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

/** Milliseconds of an ISO 8601 date-time with a zone, or undefined. */
export function parseInstant(text: string): number | undefined {
  if (!ISO_INSTANT.test(text)) return undefined;
  const ms = Date.parse(text);
  return Number.isFinite(ms) ? ms : undefined;
}
