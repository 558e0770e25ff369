import { isTlsErrorCode } from '@shailoo/platform';
import type { ElectionDefinition } from '@shailoo/election';
import type { DeviceRegistration } from './devices';
import type { ContestResults, ElectionResults, SeatsView } from './results-view';

/** The tally server's answer to a registration. */
export interface RegistrationAnswer {
  id: string;
  definitionHash: string;
  devices: number;
  /** On a secured broker, each newly registered device's broker password: given this once. */
  credentials?: Record<string, string>;
}

/** What to do about a refused credential. */
const OPERATOR_TOKEN_HINT =
  "set OPERATOR_TOKEN to an operator's bearer token: the tally server's own OPERATOR_TOKEN, or one printed by `npx shailoo-sim operator add <name>` against its store";

/** A call the tally server did not answer with 2xx: its status, what it said, and (for a refused credential) what to do. */
export class TallyApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    what: string,
  ) {
    const said = typeof body === 'object' && body && 'message' in body ? String(body.message) : JSON.stringify(body);
    super(`${what}: ${status} ${said}${status === 401 || status === 403 ? ` — ${OPERATOR_TOKEN_HINT}` : ''}`);
  }
}

/** No tally server answered at all. */
export class TallyUnreachableError extends Error {}

/** One answer of the tally server, whatever its status. */
export interface TallyAnswer<T> {
  status: number;
  body: T;
  headers: Headers;
}

/**
 * The one client of the tally server's HTTP API (README, "HTTP"): registration, the public reads,
 * an operator's calls. With an operator's token every call carries it (reads are then answered
 * exactly, never from an answer that lags a change).
 */
export class TallyApi {
  constructor(
    readonly baseUrl: string,
    private readonly operatorToken?: string,
  ) {}

  /** Any call, answered whatever its status (tests check refusals with it). */
  async request<T = unknown>(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    token: string | null | undefined = this.operatorToken,
  ): Promise<TallyAnswer<T>> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    }).catch((err: Error & { cause?: { code?: string; message?: string } }) => {
      const code = err.cause?.code ?? err.cause?.message ?? err.message;
      throw new TallyUnreachableError(
        isTlsErrorCode(code)
          ? `the tally server at ${this.baseUrl} has a certificate this side does not trust (${code}): give its CA (NODE_EXTRA_CA_CERTS)`
          : `no tally server answers at ${this.baseUrl} (${code}): start one (\`npx shailoo-sim tally-server\`) or give its HTTP address`,
        { cause: err },
      );
    });
    const text = await res.text();
    const type = res.headers.get('content-type') ?? '';
    return { status: res.status, body: (type.includes('json') && text ? JSON.parse(text) : text) as T, headers: res.headers };
  }

  /** Registers an election and its devices (an operator's call); the answer carries the new devices' broker passwords. */
  register(definition: ElectionDefinition, devices: DeviceRegistration[]): Promise<RegistrationAnswer> {
    return this.ok<RegistrationAnswer>('POST', '/api/elections', `the tally server refused ${definition.id}`, { definition, devices });
  }

  results(electionId: string, territoryId?: string): Promise<ElectionResults> {
    return this.ok(
      'GET',
      `/api/elections/${electionId}/results${territoryId ? `?territory=${encodeURIComponent(territoryId)}` : ''}`,
      `results of ${electionId}`,
    );
  }

  /** Every territory of a level, read a page at a time. */
  async level<T = ElectionResults>(electionId: string, level: 'region' | 'district' | 'precinct'): Promise<T[]> {
    const all: T[] = [];
    for (;;) {
      const page = await this.request<T[]>('GET', `/api/elections/${electionId}/results?level=${level}&offset=${all.length}&limit=5000`);
      if (page.status !== 200) throw new TallyApiError(page.status, page.body, `${level} results of ${electionId}`);
      all.push(...page.body);
      if (!page.body.length || all.length >= Number(page.headers.get('x-total-count'))) return all;
    }
  }

  seats(electionId: string): Promise<SeatsView> {
    return this.ok('GET', `/api/elections/${electionId}/seats`, `seats of ${electionId}`);
  }

  /** Every contest of the election with its figures, leader and outcome. */
  contests(electionId: string): Promise<ContestResults[]> {
    return this.ok('GET', `/api/elections/${electionId}/contests`, `contests of ${electionId}`);
  }

  /** Closes the count (an operator's call): the seats that are then final. */
  close(electionId: string): Promise<SeatsView> {
    return this.ok('POST', `/api/elections/${electionId}/close`, `close of ${electionId}`);
  }

  /** The server's Prometheus text. */
  metrics(): Promise<string> {
    return this.ok('GET', '/metrics', 'metrics');
  }

  private async ok<T>(method: 'GET' | 'POST', path: string, what: string, body?: unknown): Promise<T> {
    const answer = await this.request<T>(method, path, body);
    if (answer.status < 200 || answer.status > 299) throw new TallyApiError(answer.status, answer.body, what);
    return answer.body;
  }
}
