// The shape of an LWC wire adapter, shared by the platform modules.

export type DataCallback = (value: { data: unknown; error: unknown }) => void;

export abstract class WireAdapter<Config> {
  protected config?: Config;
  protected connected = false;

  constructor(protected readonly dataCallback: DataCallback) {}

  connect(): void {
    this.connected = true;
    // Components read `wired.data` before anything arrives, so emit an empty value first.
    this.dataCallback({ data: undefined, error: undefined });
    if (this.config) void this.refresh();
  }

  update(config: Config): void {
    this.config = config;
    if (this.connected) void this.refresh();
  }

  disconnect(): void {
    this.connected = false;
  }

  /** Loads for the current config and emits data or error. */
  abstract refresh(): Promise<void>;

  protected emit(data: unknown, error: unknown): void {
    if (this.connected) this.dataCallback({ data, error });
  }
}
