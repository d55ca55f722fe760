import { request } from './http';
import { WireAdapter, type DataCallback } from './wire';

type Params = Record<string, unknown>;

const call = (className: string, method: string, params: Params = {}): Promise<unknown> =>
  request('POST', `/services/apexrest-local/${className}/${method}`, params);

/** Wired values point back at their adapter so refreshApex can re-run the right call. */
const adapterOf = new WeakMap<object, ApexWire>();

class ApexWire extends WireAdapter<Params> {
  constructor(
    callback: DataCallback,
    private readonly className: string,
    private readonly method: string
  ) {
    super(callback);
  }

  async refresh(): Promise<void> {
    const config = this.config ?? {};
    // As on the platform, a wired call waits until every reactive parameter has a value.
    if (Object.values(config).some((value) => value === undefined)) return;
    try {
      this.publish(await call(this.className, this.method, config), undefined);
    } catch (error) {
      this.publish(undefined, error);
    }
  }

  private publish(data: unknown, error: unknown): void {
    if (!this.connected) return;
    const value = { data, error };
    adapterOf.set(value, this);
    this.dataCallback(value);
  }
}

/**
 * `@salesforce/apex/Class.method`: callable imperatively (returns a promise) and usable with
 * `@wire`, where the engine constructs it as an adapter class.
 */
export function apexMethod(className: string, method: string) {
  return function apex(this: unknown, params?: unknown) {
    if (new.target) return new ApexWire(params as DataCallback, className, method);
    return call(className, method, params as Params);
  } as unknown as ((params?: Params) => Promise<unknown>) & (new (cb: DataCallback) => ApexWire);
}

/** `refreshApex(wiredValue)` from `@salesforce/apex`. */
export function refreshApex(wired: object): Promise<void> {
  const adapter = adapterOf.get(wired);
  return adapter ? adapter.refresh() : Promise.resolve();
}

export function getSObjectValue(
  record: Record<string, unknown>,
  field: { fieldApiName: string }
): unknown {
  return field.fieldApiName
    .split('.')
    .reduce<unknown>(
      (value, part) => (value as Record<string, unknown> | undefined)?.[part],
      record
    );
}
