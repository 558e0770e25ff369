/** The samples of one metric on a Prometheus text page: each with its labels and value. */
export function metricSamples(text: string, name: string): { labels: Record<string, string>; value: number }[] {
  return [...text.matchAll(new RegExp(`^${name}(?:\\{([^}]*)\\})? (\\S+)$`, 'gm'))].map((m) => ({
    labels: Object.fromEntries([...(m[1] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((l) => [l[1], l[2]])),
    value: Number(m[2]),
  }));
}

/** A metric's samples summed by one label's value. */
export function metricByLabel(text: string, name: string, label: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of metricSamples(text, name)) out[s.labels[label]] = (out[s.labels[label]] ?? 0) + s.value;
  return out;
}
