import { DeviceIds, deviceRegistration, DeviceRegistration, MessageKind } from '@shailoo/contracts';
import { closingTime, electionDayHour, precinctsOf, total, TURNOUT_CURVE } from '@shailoo/election';
import { sealIdentificationReport } from '@shailoo/identification-device';
import { Random } from '@shailoo/platform';
import { Commission } from '@shailoo/station';
import { CouncilDay, deviceRegistrations, prepareCouncilDay, simulatedDevice } from './council-day';

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
  kind: MessageKind;
  envelope: Buffer;
}

export interface RecordedDay {
  day: CouncilDay;
  devices: DeviceRegistration[];
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
  const date = day.definition.date;
  const close = closingTime(date);
  const devices = deviceRegistrations(day);
  const precincts = precinctsOf(day.definition.territory);
  const messages: RecordedMessage[] = [];
  const faults: Record<string, PrecinctFault[]> = {};
  day.boxes.forEach(({ box, count }, i) => {
    const precinctId = box.identity.precinctId;
    const f = faultsByIndex[i] ?? [];
    faults[precinctId] = f;
    const rng = Random.stream(seed, `precinct/${precinctId}`);
    const header = { electionId, definitionHash: day.hash, precinctId };
    const clerk = simulatedDevice(seed, DeviceIds.commission(precinctId));
    const commissionId = clerk.deviceId;
    const commission = new Commission(commissionId, clerk.key, header);
    const idDevice = simulatedDevice(seed, DeviceIds.identification(precinctId, 1));
    devices.push(
      deviceRegistration(commissionId, precinctId, 'commission', clerk.key.publicKey),
      deviceRegistration(idDevice.deviceId, precinctId, 'identification', idDevice.key.publicKey),
    );
    if (f.includes('silent')) return;
    const send = (deviceId: string, kind: MessageKind, envelope: Buffer) => messages.push({ precinctId, deviceId, kind, envelope });
    const participated = day.votes.precincts[i].participated;
    const registered = precincts[i].registeredVoters ?? 0;
    for (const [hour, share] of TURNOUT_CURVE) {
      send(commissionId, 'turnout', commission.sealTurnout(hour, Math.round(participated * share), electionDayHour(date, hour)));
    }
    const identified = f.includes('identification-short') ? participated - 5 : participated;
    const byFace = Math.round(identified * 0.04);
    const doubleVotes = f.includes('double-vote')
      ? [
          {
            voterRef: `v-${rng.int(1e5, 1e6)}`,
            otherPrecinctId: day.boxes[(i + 1) % day.boxes.length].box.identity.precinctId,
            hereAtMs: electionDayHour(date, 11),
            thereAtMs: electionDayHour(date, 15),
          },
        ]
      : [];
    const report = {
      identifiedByFingerprint: identified - byFace,
      identifiedByFace: byFace,
      refused: { 'not-in-list': rng.int(0, 6), 'biometric-mismatch': rng.int(0, 3) },
      slipsPrinted: identified,
      doubleVotes,
    };
    send(idDevice.deviceId, 'identification', sealIdentificationReport(report, idDevice, header, close));
    if (!f.includes('box-failed')) send(box.identity.deviceId, 'result', box.seal(count, close).envelope);
    const manualVotes = { ...count.votes };
    if (f.includes('manual-miscount')) {
      const [a, b] = Object.keys(manualVotes).filter((p) => manualVotes[p] > 0);
      manualVotes[a] -= 1;
      manualVotes[b] += 1;
    }
    const valid = total(manualVotes);
    const spoiled = rng.int(0, 3);
    const figures = {
      ballotsReceived: registered,
      ballotsIssued: participated,
      ballotsSpoiled: spoiled,
      ballotsUnused: registered - participated - spoiled,
      ballotsInBox: valid + count.invalidBallots,
      validBallots: valid,
      invalidBallots: count.invalidBallots,
      votes: manualVotes,
    };
    send(commissionId, 'protocol', commission.sealProtocol(figures, f.includes('box-failed'), close + 90 * 60_000));
  });
  return { day, devices, messages, faults };
}
