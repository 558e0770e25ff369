import { actionContent, CHAIN_START, chainNext, SeatsView, sha256, v1 } from '@shailoo/contracts';
import {
  allReported,
  applyReport,
  createElectionTally,
  definitionHash,
  ElectionDefinition,
  Figures,
  PrecinctReport,
  tallySeats,
  territoryIds,
  territoryResults,
} from '@shailoo/election';
import { publicKeyFromRaw, verifySignature } from '@shailoo/platform';
import { registeredElection } from '@shailoo/registry';
import { KIND_SPECS } from './message-kinds';

export const AUDIT_FORMAT = 'shailoo-audit/1';

/** One territory's published figures, as the recount compares them. */
export interface PublishedTerritory {
  territoryId: string;
  precinctsReporting: number;
  precinctsWithProtocol: number;
  preliminary: Figures;
  final: Figures;
}

/**
 * An election's record for whoever checks it without trusting the server (`shailoo-sim
 * verify-export`): the definition, the devices and every key they held, the operators' actions and
 * the accepted submissions (each envelope as it arrived) as hash chains with their heads, and what
 * the server published from them.
 */
export interface AuditExport {
  format: typeof AUDIT_FORMAT;
  generatedAt: string;
  election: { id: string; definitionHash: string; definition: ElectionDefinition; closedAt: string | null };
  devices: { id: string; precinctId: string; kind: string; publicKey: string; previousKeys: string[]; generation: number; revokedAt: string | null }[];
  operatorActions: { operator: string; action: string; detail: string; at: string; chainHash: string | null }[];
  submissions: { envelope: string; receivedAt: string; chainHash: string | null }[];
  heads: Record<string, { hash: string; length: number }>;
  published: { territories: PublishedTerritory[]; seats: SeatsView };
}

/** What `verify-export` found: every problem named, and the recount. */
export interface AuditReport {
  ok: boolean;
  problems: string[];
  counted: number;
  submissions: number;
  operatorActions: number;
  heads: Record<string, { hash: string; length: number }>;
  recount: PublishedTerritory | null;
  seats: SeatsView | null;
  /** With `precinct`: each message stored for it, as its devices' acknowledgements name them. */
  precinct?: { submission: number; deviceId: string; kind: string; sequence: number; bodySha256: string; receivedAt: string; counted: boolean }[];
}

/** JSON with every object's keys in order: two figures compare equal whatever order their maps were filled in. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_k, v) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );

/**
 * Checks a chain: each entry's hash against the one before and its own content, and the chain
 * against its recorded head. The problems, each naming its entry.
 */
function checkChain(
  name: string,
  entries: { content: Buffer; chainHash: string | null; label: string }[],
  head: { hash: string; length: number } | undefined,
): string[] {
  const problems: string[] = [];
  const chained = entries.filter((e) => e.chainHash !== null).length;
  const missing = head ? head.length - chained : 0;
  let before = CHAIN_START.toString('hex');
  let seen = 0;
  for (const [i, e] of entries.entries()) {
    if (e.chainHash === null) {
      if (seen) problems.push(`${name} #${i + 1} (${e.label}) has no chain hash after chained entries: the chain was cut`);
      continue;
    }
    seen++;
    if (chainNext(Buffer.from(before, 'hex'), e.content).toString('hex') !== e.chainHash)
      problems.push(
        missing > 0
          ? `${name} #${i + 1} (${e.label}) does not follow the entry before it: an entry between them was dropped (the chain's head counts ${missing} more than the export holds)`
          : `${name} #${i + 1} (${e.label}) does not match its chain hash: it was changed after it was recorded`,
      );
    before = e.chainHash;
  }
  if (!head && seen) problems.push(`the ${name} chain has no recorded head: whether entries were dropped at its end cannot be told`);
  if (head && seen && head.hash !== before)
    problems.push(`the ${name} chain ends at ${before.slice(0, 16)}…, its recorded head is ${head.hash.slice(0, 16)}…: entries at its end were dropped`);
  else if (head && missing !== 0 && !problems.length) problems.push(`the ${name} chain holds ${chained} entries, its recorded head counts ${head.length}`);
  return problems;
}

/**
 * Verifies an export on its own: the definition's hash; both chains; every submission's envelope,
 * signature (against a key the device held) and content, checked as the server checks them; then
 * recounts — every territory's figures and the seats from the signed messages alone — and compares
 * them with what the server published.
 */
export function verifyAudit(bundle: AuditExport, options: { precinct?: string } = {}): AuditReport {
  const problems: string[] = [];
  const { definition } = bundle.election;
  const hash = definitionHash(definition);
  if (hash !== bundle.election.definitionHash) problems.push(`the definition's hash is ${hash}, not the ${bundle.election.definitionHash} the export states`);
  problems.push(
    ...checkChain(
      'operator action',
      bundle.operatorActions.map((a) => ({
        content: actionContent({ ...a, electionId: bundle.election.id, at: new Date(a.at) }),
        chainHash: a.chainHash,
        label: `${a.action} by ${a.operator} at ${a.at}`,
      })),
      bundle.heads.action,
    ),
  );
  const envelopes = bundle.submissions.map((s) => Buffer.from(s.envelope, 'base64'));
  problems.push(
    ...checkChain(
      'submission',
      bundle.submissions.map((s, i) => ({ content: envelopes[i], chainHash: s.chainHash, label: `received ${s.receivedAt}` })),
      bundle.heads.submission,
    ),
  );

  const election = registeredElection(definition);
  const devices = new Map(
    bundle.devices.map((d) => [d.id, { ...d, keys: [d.publicKey, ...d.previousKeys].map((k) => publicKeyFromRaw(Buffer.from(k, 'base64'))) }]),
  );
  const tally = createElectionTally(definition);
  let counted = 0;
  const precinct: NonNullable<AuditReport['precinct']> = [];
  envelopes.forEach((raw, i) => {
    const where = `submission #${i + 1}`;
    let envelope: v1.SignedEnvelope;
    try {
      envelope = v1.SignedEnvelope.decode(raw);
    } catch (err) {
      return problems.push(`${where} is not a signed envelope: ${(err as Error).message}`);
    }
    const device = devices.get(envelope.deviceId);
    const spec = KIND_SPECS.get(envelope.kind);
    if (!device) return problems.push(`${where} names device ${envelope.deviceId}, which the export does not register`);
    if (!spec) return problems.push(`${where} (device ${device.id}) is of an unknown kind ${envelope.kind}`);
    if (!device.keys.some((key) => verifySignature(key, envelope.body, envelope.signature)))
      return problems.push(`${where} (${spec.name} of device ${device.id}) is not signed by any key the device held: its content was changed`);
    let message: ReturnType<typeof spec.decode>;
    try {
      message = spec.decode(envelope.body);
    } catch (err) {
      return problems.push(`${where} (device ${device.id}) has a body that does not decode: ${(err as Error).message}`);
    }
    const wrong =
      message.deviceId !== device.id
        ? `names device ${message.deviceId}`
        : !spec.deviceKinds.includes(device.kind as never)
          ? `is a ${spec.name} from a ${device.kind}`
          : message.electionId !== definition.id
            ? `is for election ${message.electionId}`
            : !election.hashBytes.equals(Buffer.from(message.definitionHash))
              ? 'is for another definition'
              : message.precinctId !== device.precinctId
                ? `is for precinct ${message.precinctId}, the device is at ${device.precinctId}`
                : null;
    if (wrong) return problems.push(`${where} (device ${device.id}, sequence ${message.sequence}) ${wrong}: the server should have refused it`);
    const valid = spec.validate(message, election, election.precincts.get(message.precinctId)?.registeredVoters ?? 0);
    if ('rejection' in valid)
      return problems.push(`${where} (device ${device.id}, sequence ${message.sequence}) fails the server's checks: ${valid.rejection.detail}`);
    const report = {
      kind: spec.kind,
      precinctId: message.precinctId,
      deviceId: device.id,
      sequence: message.sequence,
      payload: valid.payload,
      bodyHash: sha256(envelope.body),
    };
    if (device.revokedAt !== null && bundle.submissions[i].receivedAt > device.revokedAt)
      return problems.push(
        `${where} (device ${device.id}, sequence ${message.sequence}) was accepted at ${bundle.submissions[i].receivedAt}, after the device's revocation at ${device.revokedAt}`,
      );
    const applied = applyReport(tally, report as PrecinctReport);
    if (applied) counted++;
    if (options.precinct === message.precinctId)
      precinct.push({
        submission: i + 1,
        deviceId: device.id,
        kind: spec.kind,
        sequence: message.sequence,
        bodySha256: report.bodyHash.toString('hex'),
        receivedAt: bundle.submissions[i].receivedAt,
        counted: applied,
      });
  });

  // The recount, against what was published. The flags depend on the time; the figures do not.
  const figures = (t: PublishedTerritory): PublishedTerritory => ({
    territoryId: t.territoryId,
    precinctsReporting: t.precinctsReporting,
    precinctsWithProtocol: t.precinctsWithProtocol,
    preliminary: t.preliminary,
    final: t.final,
  });
  const recounted = new Map(territoryIds(tally).map((id) => [id, figures(territoryResults(tally, id, 0, Infinity)!)]));
  const published = new Map(bundle.published.territories.map((t) => [t.territoryId, figures(t)]));
  for (const [id, mine] of recounted) {
    const theirs = published.get(id);
    if (!theirs) problems.push(`territory ${id} is not in the published results`);
    else if (canonical(mine) !== canonical(theirs))
      problems.push(`territory ${id}: the published figures are not the recount of the signed messages (${differences(mine, theirs)})`);
  }
  for (const id of published.keys()) if (!recounted.has(id)) problems.push(`the published results have a territory ${id} the definition does not`);
  const closedBy = bundle.election.closedAt ? 'operator' : allReported(tally) ? 'all-reported' : null;
  const seats: SeatsView = {
    status: closedBy ? 'final' : 'provisional',
    closedBy,
    provisional: tallySeats(tally, 'preliminary', hash),
    final: closedBy ? tallySeats(tally, 'final', hash) : null,
  };
  const seatsOf = (s: SeatsView) => ({ status: s.status, provisional: s.provisional?.seats ?? null, final: s.final?.seats ?? null });
  if (canonical(seatsOf(seats)) !== canonical(seatsOf(bundle.published.seats)))
    problems.push(
      `the published seats are not those the recount gives: published ${canonical(seatsOf(bundle.published.seats))}, recounted ${canonical(seatsOf(seats))}`,
    );
  return {
    ok: problems.length === 0,
    problems,
    counted,
    submissions: bundle.submissions.length,
    operatorActions: bundle.operatorActions.length,
    heads: bundle.heads,
    recount: recounted.get(definition.territory.id) ?? null,
    seats,
    ...(options.precinct !== undefined ? { precinct } : {}),
  };
}

/** Where two territories' figures differ, briefly. */
function differences(mine: object, theirs: object): string {
  const out: string[] = [];
  const walk = (a: any, b: any, path: string) => {
    if (out.length >= 3) return;
    if (a && typeof a === 'object' && b && typeof b === 'object') {
      for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) walk(a[k], b[k], path ? `${path}.${k}` : k);
    } else if (a !== b) out.push(`${path}: recounted ${JSON.stringify(a)}, published ${JSON.stringify(b)}`);
  };
  walk(mine, theirs, '');
  return out.join('; ');
}
