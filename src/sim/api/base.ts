/**
 * The proxy machinery of Office.js: a request context with a queue of operations, proxy objects that
 * resolve to model objects only during sync(), load() and PropertyNotLoaded, payload accounting.
 */
import { ModelError, type WorkbookModel } from '../model/workbook';
import { jsonBytes } from '../../core/grid/bytes';
import { InputError } from '../model/values';

export interface SimStats {
  syncs: number;
  largestRequestBytes: number;
  largestResponseBytes: number;
  bytesRead: number;
  bytesWritten: number;
}

export type ChangedHandler = (args: unknown) => unknown;

export interface HostState {
  wb: WorkbookModel;
  payloadLimitBytes: number;
  stats: SimStats;
  /** Worksheet id → registered onChanged handlers. */
  handlers: Map<string, Set<ChangedHandler>>;
  supports(set: string, version: string): boolean;
}

/** An Office.js-shaped error: `name` is "RichApi.Error", `code` one of Excel.ErrorCodes. */
export class SimRichApiError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  readonly traceMessages: string[] = [];
  constructor(code: string, message: string, errorLocation?: string) {
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = errorLocation ? { code, message, errorLocation } : { code, message };
  }
}

export const MAX_READ_CELLS = 5_000_000;

export interface RunResult {
  bytes: number;
  commit: () => void;
}

interface Op {
  desc: Record<string, unknown>;
  run: () => RunResult | void;
}

/** Converts the exceptions the model throws into RichApi errors. */
function toRichError(e: unknown, location: string): SimRichApiError {
  if (e instanceof SimRichApiError) return e;
  if (e instanceof ModelError) return new SimRichApiError(e.code, e.message, location);
  if (e instanceof InputError) return new SimRichApiError('InvalidArgument', e.message, location);
  throw e;
}

export class ClientResult<T> {
  private has = false;
  private v: T | undefined;
  constructor(private readonly name: string) {}
  get value(): T {
    if (!this.has) throw new SimRichApiError('PropertyNotLoaded', `The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.`, this.name);
    return this.v as T;
  }
  _set(v: T): void {
    this.v = v;
    this.has = true;
  }
}

export class SimContext {
  private queue: Op[] = [];
  private nextId = 1;
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };
  readonly application: {
    suspendApiCalculationUntilNextSync: () => void;
    calculate: (type?: string) => void;
    calculationMode: string;
  };
  // Set by the workbook module to avoid an import cycle.
  workbook!: unknown;

  constructor(readonly host: HostState) {
    this.application = {
      suspendApiCalculationUntilNextSync: () => undefined,
      calculate: () => undefined,
      calculationMode: 'Automatic',
    };
  }

  _newId(): number {
    return this.nextId++;
  }

  _pending(): number {
    return this.queue.length;
  }

  _enqueue(op: Op): void {
    this.queue.push(op);
  }

  load<T extends SimObject<unknown>>(object: T, spec?: LoadSpec): T {
    object.load(spec);
    return object;
  }

  async sync<T>(passThroughValue?: T): Promise<T | undefined> {
    const ops = this.queue;
    this.queue = [];
    const { stats, payloadLimitBytes } = this.host;
    stats.syncs++;
    // The request: every queued operation with its arguments, as the JSON Office.js would send.
    let requestBytes = 2;
    for (const op of ops) requestBytes += jsonBytes(op.desc) + 1;
    stats.largestRequestBytes = Math.max(stats.largestRequestBytes, requestBytes);
    stats.bytesWritten += requestBytes;
    await Promise.resolve();
    if (requestBytes > payloadLimitBytes) {
      throw new SimRichApiError('RequestPayloadSizeLimitExceeded', `The request payload size (${requestBytes} bytes) has exceeded the limit (${payloadLimitBytes} bytes).`);
    }
    const commits: (() => void)[] = [];
    let responseBytes = 2;
    for (const op of ops) {
      let result: RunResult | void;
      try {
        result = op.run();
      } catch (e) {
        // Not transactional: the operations before this one stay applied.
        stats.largestResponseBytes = Math.max(stats.largestResponseBytes, responseBytes);
        throw toRichError(e, String(op.desc.loc ?? ''));
      }
      if (result) {
        responseBytes += result.bytes + 1;
        commits.push(result.commit);
      }
    }
    stats.largestResponseBytes = Math.max(stats.largestResponseBytes, responseBytes);
    stats.bytesRead += responseBytes;
    if (responseBytes > payloadLimitBytes) {
      throw new SimRichApiError('ResponsePayloadSizeLimitExceeded', `The response payload size (${responseBytes} bytes) has exceeded the limit (${payloadLimitBytes} bytes).`);
    }
    for (const commit of commits) commit();
    return passThroughValue;
  }
}

export type LoadSpec = string | string[] | { select?: string | string[]; expand?: string | string[] } | Record<string, unknown> | undefined;

/** What an …OrNullObject method was called on: resolving it says whether it exists. */
export interface NullableParent { _resolve(): unknown }

/** Marks `object` as what an …OrNullObject method of `askedOf` returned (see SimObject._nullLoad). */
export function orNullObject<O extends { _markNullable(askedOf: NullableParent): void }>(object: O, askedOf: NullableParent): O {
  object._markNullable(askedOf);
  return object;
}

/** Flattens a load spec into property paths ("values", "format/fill/color"); null = all scalars. */
export function loadPaths(spec: LoadSpec): string[] | null {
  if (spec === undefined || spec === null) return null;
  if (typeof spec === 'string') return spec.split(',').map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(spec)) return spec.flatMap((s) => loadPaths(s) ?? []);
  const o = spec as Record<string, unknown>;
  if ('select' in o || 'expand' in o) {
    const sel = o.select === undefined ? [] : (loadPaths(o.select as LoadSpec) ?? []);
    const exp = o.expand === undefined ? [] : (loadPaths(o.expand as LoadSpec) ?? []);
    return [...sel, ...exp];
  }
  const out: string[] = [];
  for (const [k, v] of Object.entries(o)) {
    if (v === true) out.push(k);
    else if (v && typeof v === 'object') {
      const inner = loadPaths(v as LoadSpec);
      if (inner === null || inner.length === 0) out.push(k);
      else for (const p of inner) out.push(`${k}/${p}`);
    }
  }
  return out;
}

const UNRESOLVED = Symbol('unresolved');

export type Getter<T> = (target: T) => unknown;

/** Base of every proxy. T is the model object the proxy stands for. */
export abstract class SimObject<T> {
  readonly _id: number;
  protected readonly _loaded = new Map<string, unknown>();
  protected _isNull: boolean | undefined;
  private _target: T | null | typeof UNRESOLVED = UNRESOLVED;

  constructor(
    readonly context: SimContext,
    private readonly _resolver: () => T | null,
    readonly _path: string,
  ) {
    this._id = context._newId();
  }

  /** Scalar properties that load() can fetch. */
  protected abstract _scalars(): Record<string, Getter<T>>;
  /** Navigation properties that a load path may go through ("format/fill/color"). */
  protected _navigation(_name: string): SimObject<unknown> | undefined {
    return undefined;
  }

  /** The model object; runs during sync only. null for a null object. */
  _resolve(): T | null {
    if (this._target === UNRESOLVED) this._target = this._resolver();
    return this._target;
  }

  get isNullObject(): boolean {
    if (this._isNull === undefined) throw notLoaded('isNullObject', this._path);
    return this._isNull;
  }

  protected _get<V>(name: string): V {
    if (this._isNull) return null as V;
    if (!this._loaded.has(name)) throw notLoaded(name, this._path);
    return this._loaded.get(name) as V;
  }

  /** Queues an operation on the resolved target (a no-op on a null object). */
  protected _op<R>(name: string, args: unknown[], run: (t: T) => R, onResult?: (r: R) => void): void {
    this.context._enqueue({
      desc: { o: this._id, p: this._path, m: name, a: args.map(describeArg), loc: `${this._path}.${name}` },
      run: () => {
        const t = this._resolve();
        if (t === null) return;
        const r = run(t);
        if (!onResult) return;
        return { bytes: jsonBytes(r), commit: () => onResult(r) };
      },
    });
  }

  protected _setProp<V>(name: string, value: V, apply: (t: T, v: V) => void): void {
    this._loaded.set(name, value);
    this._op(name, [value], (t) => apply(t, value));
  }

  load(spec?: LoadSpec): this {
    const paths = loadPaths(spec);
    this.context._enqueue({ desc: { o: this._id, p: this._path, load: paths ?? '*', loc: `${this._path}.load` }, run: () => this._loadNow(paths) });
    return this;
  }

  /**
   * What a load does at sync: its own scalars and, through navigation properties ("protection/protected"),
   * its children's, measured and committed together. Null (paths) loads every scalar.
   */
  _loadNow(paths: string[] | null): RunResult {
    const own: string[] = [];
    const nested = new Map<string, string[]>();
    for (const p of paths ?? []) {
      const slash = p.indexOf('/');
      const head = slash < 0 ? p : p.slice(0, slash);
      if (slash < 0 && !this._navigation(p)) own.push(p);
      else nested.set(head, [...(nested.get(head) ?? []), ...(slash < 0 ? [] : [p.slice(slash + 1)])]);
    }
    const t = this._resolve();
    if (t === null) return this._nullLoad();
    const snap = this._snapshot(t, paths === null ? null : own);
    let bytes = jsonBytes(snap);
    const commits: (() => void)[] = [];
    for (const [head, rest] of nested) {
      const child = this._navigation(head);
      if (!child) throw new SimRichApiError('InvalidArgument', `${head} is not a navigation property of ${this._path}`, `${this._path}.load`);
      const r = child._loadNow(rest.length ? rest : null);
      bytes += r.bytes;
      commits.push(r.commit);
    }
    return {
      bytes,
      commit: () => {
        this._isNull = false;
        for (const [k, v] of Object.entries(snap)) this._loaded.set(k, v);
        for (const c of commits) c();
      },
    };
  }

  /**
   * Set on an object an …OrNullObject method returned: the object that method was called on. Office
   * documents isNullObject on that object only; what lies below a null object is not there to load.
   */
  private _nullableOf: NullableParent | undefined;

  _markNullable(askedOf: NullableParent): void {
    this._nullableOf = askedOf;
  }

  /** A load of an object that resolved to nothing: a null object when it may be one, otherwise refused. */
  protected _nullLoad(): RunResult {
    const askedOf = this._nullableOf;
    if (askedOf === undefined || askedOf._resolve() === null) {
      throw new SimRichApiError(
        'ItemNotFound',
        `${this._path} lies below a null object: check isNullObject after a sync before loading anything below it.`,
        `${this._path}.load`,
      );
    }
    return { bytes: 4, commit: () => (this._isNull = true) };
  }

  _snapshot(t: T, names: string[] | null): Record<string, unknown> {
    const table = this._scalars();
    const snap: Record<string, unknown> = {};
    for (const n of names ?? Object.keys(table)) {
      const g = table[n];
      if (!g) throw new SimRichApiError('InvalidArgument', `The property '${n}' is not available on ${this._path}.`, `${this._path}.load`);
      snap[n] = g(t);
    }
    return snap;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._loaded);
  }
}

export function notLoaded(name: string, path: string): SimRichApiError {
  return new SimRichApiError(
    'PropertyNotLoaded',
    `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    `${path}.${name}`,
  );
}

function describeArg(a: unknown): unknown {
  if (a instanceof SimObject) return { ref: a._id };
  if (typeof a === 'function') return '[handler]';
  return a;
}

/** A proxy collection: `items` after load; load() paths apply to the items. */
export abstract class SimCollection<M, P extends SimObject<M>, T = M[]> extends SimObject<T> {
  private _items: P[] | undefined;

  protected abstract _list(t: T): M[];
  protected abstract _wrap(model: M, index: number): P;
  /** Collection-level scalar properties (e.g. `count`). */
  protected _collectionScalars(): Record<string, Getter<T>> {
    return {};
  }
  protected _scalars(): Record<string, Getter<T>> {
    return this._collectionScalars();
  }

  get items(): P[] {
    if (this._isNull) return [];
    if (!this._items) throw notLoaded('items', this._path);
    return this._items;
  }

  override _loadNow(paths: string[] | null): RunResult {
    const coll = this._collectionScalars();
    const own = (paths ?? []).filter((p) => p in coll);
    const itemPaths = (paths ?? []).filter((p) => !(p in coll)).map((p) => (p.startsWith('items/') ? p.slice(6) : p)).filter((p) => p !== 'items');
    const t = this._resolve();
    if (t === null) return this._nullLoad();
    const list = this._list(t);
    const proxies = list.map((m, i) => this._wrap(m, i));
    const items = proxies.map((p) => p._loadNow(itemPaths.length ? itemPaths : null));
    const ownSnap = this._snapshot(t, own);
    let bytes = jsonBytes(ownSnap) + 10;
    for (const r of items) bytes += r.bytes + 1;
    return {
      bytes,
      commit: () => {
        this._isNull = false;
        for (const [k, v] of Object.entries(ownSnap)) this._loaded.set(k, v);
        for (const r of items) r.commit();
        this._items = proxies;
      },
    };
  }

  protected _countResult(): ClientResult<number> {
    const result = new ClientResult<number>(`${this._path}.getCount`);
    this._op('getCount', [], (t) => this._list(t).length, (n) => result._set(n));
    return result;
  }
}

export function requireSet(host: HostState, version: string, api: string): void {
  if (!host.supports('ExcelApi', version)) {
    throw new SimRichApiError('ApiNotFound', `${api} requires ExcelApi ${version}, which this host does not support.`, api);
  }
}
