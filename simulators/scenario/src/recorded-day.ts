import { v1 } from '../../../libs/contracts/src';
import { deviceRegistration } from '../../../libs/persistence/src/election-registry';
import { closingTime, electionDayHour, precinctsOf, TURNOUT_CURVE } from '../../../libs/election/src';
import { signPayload } from '../../../libs/contracts/src/envelope';
import { Random } from '../../../libs/platform/src/random';
import { commissionDevice, CouncilDay, deviceKey, deviceRegistrations, prepareCouncilDay } from './council-day';

/** What can go wrong at a precinct, as a recorded day can inject it. */
export type PrecinctFault =
  /** The commission's hand count moves one vote between two parties. */
  | 'manual-miscount'
  /** The box failed; the precinct is counted by hand only. */
  | 'box-failed'
  /** The identification devices report five voters fewer than ballots were cast. */
  | 'identification-short'
  /** A voter was found identified here and at another precinct. */
  | 'double-vote'
  /** Nothing ever arrives from the precinct. */
  | 'silent';

export interface RecordedMessage {
  precinctId: string;
  deviceId: string;
  kind: 'result' | 'protocol' | 'identification' | 'turnout';
  envelope: Buffer;
}

export interface RecordedDay {
  day: CouncilDay;
  devices: ReturnType<typeof deviceRegistrations>;
  messages: RecordedMessage[];
  faults: Record<string, PrecinctFault[]>;
}

/**
 * Every message the precincts of a council send on election day, signed by their devices: turnout
 * snapshots and the manual protocol from the commission, the identification report, the box's
 * result; with the given faults injected at the given precincts (by index).
 */
export function recordCouncilDay(council: string | number, seed: string, faultsByIndex: Record<number, PrecinctFault[]> = {}): RecordedDay {
  const day = prepareCouncilDay(council, seed);
  const electionId = day.definition.id;
  const definitionHash = Buffer.from(day.hash, 'hex');
  const close = closingTime(day.definition.date);
  const devices = deviceRegistrations(day);
  const precincts = precinctsOf(day.definition.territory);
  const messages: RecordedMessage[] = [];
  const faults: Record<string, PrecinctFault[]> = {};
  day.boxes.forEach(({ box, count }, i) => {
    const precinctId = box.identity.precinctId;
    const f = faultsByIndex[i] ?? [];
    faults[precinctId] = f;
    const rng = Random.stream(seed, `precinct/${precinctId}`);
    const { deviceId: commissionId, key: commissionKey } = commissionDevice(seed, precinctId);
    const commission = { id: commissionId, key: commissionKey };
    const idDevice = { id: `idd-${precinctId}`, key: deviceKey(seed, `idd-${precinctId}`) };
    devices.push(
      deviceRegistration(commission.id, precinctId, 'commission', commission.key.publicKey),
      deviceRegistration(idDevice.id, precinctId, 'identification', idDevice.key.publicKey),
    );
    if (f.includes('silent')) return;
    const header = (deviceId: string, sequence: number) => ({ electionId, definitionHash, precinctId, deviceId, sequence });
    const participated = day.votes.precincts[i].participated;
    const registered = precincts[i].registeredVoters ?? 0;
    let sequence = 0;
    for (const [hour, share] of TURNOUT_CURVE) {
      messages.push({
        precinctId,
        deviceId: commission.id,
        kind: 'turnout',
        envelope: signPayload(
          v1.PayloadKind.PAYLOAD_KIND_TURNOUT_SNAPSHOT,
          { ...header(commission.id, ++sequence), hour, voters: Math.round(participated * share), takenAtMs: electionDayHour(day.definition.date, hour) },
          commission.key,
        ),
      });
    }
    const identified = f.includes('identification-short') ? participated - 5 : participated;
    const byFace = Math.round(identified * 0.04);
    messages.push({
      precinctId,
      deviceId: idDevice.id,
      kind: 'identification',
      envelope: signPayload(
        v1.PayloadKind.PAYLOAD_KIND_IDENTIFICATION_REPORT,
        {
          ...header(idDevice.id, 1),
          identifiedByFingerprint: identified - byFace,
          identifiedByFace: byFace,
          refused: [
            { reason: 'not-in-list', count: rng.int(0, 6) },
            { reason: 'biometric-mismatch', count: rng.int(0, 3) },
          ],
          slipsPrinted: identified,
          doubleVotes: f.includes('double-vote') ? [{ voterRef: `v-${rng.int(1e5, 1e6)}`, otherPrecinctId: day.boxes[(i + 1) % day.boxes.length].box.identity.precinctId, hereAtMs: electionDayHour(day.definition.date, 11), thereAtMs: electionDayHour(day.definition.date, 15) }] : [],
          closedAtMs: close,
        },
        idDevice.key,
      ),
    });
    if (!f.includes('box-failed')) {
      messages.push({ precinctId, deviceId: box.identity.deviceId, kind: 'result', envelope: box.seal(count, close).envelope });
    }
    const manualVotes = { ...count.votes };
    if (f.includes('manual-miscount')) {
      const [a, b] = Object.keys(manualVotes).filter((p) => manualVotes[p] > 0);
      manualVotes[a] -= 1;
      manualVotes[b] += 1;
    }
    const valid = Object.values(manualVotes).reduce((s, v) => s + v, 0);
    const spoiled = rng.int(0, 3);
    messages.push({
      precinctId,
      deviceId: commission.id,
      kind: 'protocol',
      envelope: signPayload(
        v1.PayloadKind.PAYLOAD_KIND_MANUAL_PROTOCOL,
        {
          ...header(commission.id, ++sequence),
          ballotsReceived: registered,
          ballotsIssued: participated,
          ballotsSpoiled: spoiled,
          ballotsUnused: registered - participated - spoiled,
          ballotsInBox: valid + count.invalidBallots,
          validBallots: valid,
          invalidBallots: count.invalidBallots,
          votes: Object.entries(manualVotes).map(([partyId, votes]) => ({ partyId, votes })),
          boxFailed: f.includes('box-failed'),
          signedAtMs: close + 90 * 60_000,
        },
        commission.key,
      ),
    });
  });
  return { day, devices, messages, faults };
}
