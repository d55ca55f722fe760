/**
 * Health statuses as one-byte codes, 0 for none, numbered from the org's model (statusOrder)
 * and not a shipped list, so a status an admin adds to Health_Band__mdt is read, not dropped.
 */
export class StatusCodes {
  private readonly names: readonly string[];

  constructor(statuses: readonly string[]) {
    // Codes are stored in Uint8Arrays.
    if (statuses.length > 255) throw new Error(`${statuses.length} statuses: at most 255 fit`);
    this.names = ['', ...statuses];
  }

  /** A status's code; 0 for none or a status the model does not have. */
  codeOf(value: unknown): number {
    return Math.max(0, this.names.indexOf(String(value ?? '')));
  }

  /** The status a code stands for; null for none. */
  nameOf(code: number): string | null {
    return this.names[code] || null;
  }
}
