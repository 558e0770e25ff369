/**
 * The SQLSTATE of a failed statement, where the driver gives one (PostgreSQL and PGlite through
 * Prisma's driver adapters carry it as the adapter error's original code).
 */
export function sqlState(err: unknown): string | undefined {
  const e = err as { code?: unknown; meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } };
  const code = e?.meta?.driverAdapterError?.cause?.originalCode ?? e?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/**
 * Whether a statement failed because of what a row holds (a data exception, class 22, or an
 * integrity violation, class 23) rather than because of the database (a lost connection, a
 * shutdown, a full disk): the first is the row's fault and doing it again fails again; the second
 * is worth another try.
 */
export function isRowFault(err: unknown): boolean {
  const state = sqlState(err);
  return state !== undefined && (state.startsWith('22') || state.startsWith('23'));
}
