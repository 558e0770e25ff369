/** Bishkek time is UTC+6 all year; election-day hours are Bishkek hours. */
const BISHKEK_OFFSET_MS = 6 * 3_600_000;

/** The instant of a whole hour of election day (ISO date), Bishkek time. */
export function electionDayHour(date: string, hour: number): number {
  return Date.parse(`${date}T${String(hour).padStart(2, '0')}:00:00Z`) - BISHKEK_OFFSET_MS;
}

/** The hours of election day, Bishkek time: the commission meets and the box prints its zero report at 07:00, polls open at 08:00 and close at 20:00. */
export const ELECTION_DAY = { commissionMeets: 7, opens: 8, closes: 20 } as const;

/** Polls close at 20:00. */
export function closingTime(date: string): number {
  return electionDayHour(date, ELECTION_DAY.closes);
}

/** An instant as Bishkek wall-clock time, `YYYY-MM-DD HH:MM`, as devices print it. */
export function bishkekTime(ms: number): string {
  return new Date(ms + BISHKEK_OFFSET_MS).toISOString().replace('T', ' ').slice(0, 16);
}

/** 2021 turnout at the CEC's reporting hours, as a share of the final turnout (10:00 2.91% … 20:00 34.94%). */
export const TURNOUT_CURVE: readonly [number, number][] = [
  [10, 2.91 / 34.94],
  [14, 16.35 / 34.94],
  [16, 22.47 / 34.94],
  [18, 28.36 / 34.94],
  [20, 1],
];
