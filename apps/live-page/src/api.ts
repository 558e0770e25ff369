/** The page's calls of the tally server's HTTP API, and of the simulation's console where one drives the server. */
import type { ContestResults, ElectionResults, SeatsView } from '@shailoo/contracts';
import type { IdentificationPayload, PrecinctFlag, ProtocolPayload, ResultPayload, Territory } from '@shailoo/election';
import type { Simulation } from './state';

/** A report as a precinct's answer carries it: what it said, who sent it, its sequence and its signed body's sha-256. */
type Signed<P> = P & { deviceId: string; sequence: number; bodySha256: string };

/** What `GET /api/elections/{id}/precincts/{precinctId}` answers (the tally server names no type for it). */
export interface PrecinctDetail {
  precinctId: string;
  name: string;
  registeredVoters: number;
  boxResults: Signed<ResultPayload>[];
  manualProtocol: Signed<ProtocolPayload> | null;
  identificationReports: Signed<IdentificationPayload>[];
  turnout: { hour: number; voters: number }[];
  flags: PrecinctFlag[];
}

export async function get<T>(path: string): Promise<T> {
  const res = await fetch(path);
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  return (await res.json()) as T;
}

export const elections = () => get<{ id: string; name: string }[]>('/api/elections');
export const countryResults = (id: string) => get<ElectionResults>(`/api/elections/${id}/results`);
export const regionResults = (id: string) => get<ElectionResults[]>(`/api/elections/${id}/results?level=region`);
export const seats = (id: string) => get<SeatsView>(`/api/elections/${id}/seats`);
export const contests = (id: string) => get<ContestResults[]>(`/api/elections/${id}/contests`);
export const territories = (id: string) => get<Territory>(`/api/elections/${id}/territories`);
export const precinct = (id: string, precinctId: string) => get<PrecinctDetail>(`/api/elections/${id}/precincts/${encodeURIComponent(precinctId)}`);

/** Every precinct's results, read a page at a time (the server gives at most 5,000 a request). */
export async function everyPrecinct(id: string): Promise<ElectionResults[]> {
  const precincts: ElectionResults[] = [];
  for (;;) {
    // Pages of 500: the server builds each between the events it sends (a page of 5,000 held the stream back half a second).
    const res = await fetch(`/api/elections/${id}/results?level=precinct&limit=500&offset=${precincts.length}`);
    if (!res.ok) throw new Error(`precincts of ${id}: ${res.status}`);
    const page = (await res.json()) as ElectionResults[];
    precincts.push(...page);
    if (!page.length || precincts.length >= Number(res.headers.get('x-total-count'))) return precincts;
  }
}

/** The simulation driving the server; null on a plain tally server (404) or when it cannot be reached. */
export async function simulation(): Promise<Simulation | null> {
  const res = await fetch('/api/simulation').catch(() => null);
  return res?.ok ? await res.json() : null;
}

/** An operator's call of the console with their token: its status and answer (an empty object when the answer is no JSON). */
export async function postCommand(path: string, token: string, body: unknown): Promise<{ ok: boolean; status: number; answer: any }> {
  const res = await fetch(`/api/simulation/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  const answer = await res.json().catch(() => ({}));
  return { ok: res.ok, status: res.status, answer };
}
