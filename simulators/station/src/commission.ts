import { signPayload, v1 } from '@shailoo/contracts';
import { DeviceKey } from '@shailoo/platform';

/** Where a station's messages belong: its election, the definition it was configured with, its precinct. */
export interface StationHeader {
  electionId: string;
  /** sha-256 of the election definition, hex. */
  definitionHash: string;
  precinctId: string;
}

/** The manual count's figures, as the commission writes them on the protocol. */
export interface ProtocolFigures {
  ballotsReceived: number;
  ballotsIssued: number;
  ballotsSpoiled: number;
  ballotsUnused: number;
  ballotsInBox: number;
  validBallots: number;
  invalidBallots: number;
  votes: Record<string, number>;
  againstAll?: number;
}

/**
 * The precinct commission's device: it signs the turnout snapshots of the day and, after the hand
 * count, the protocol, numbering its messages from 1.
 */
export class Commission {
  private sequence = 0;

  constructor(
    readonly deviceId: string,
    private readonly key: DeviceKey,
    private readonly header: StationHeader,
  ) {}

  sealTurnout(hour: number, voters: number, takenAtMs: number): Buffer {
    return signPayload(v1.PayloadKind.PAYLOAD_KIND_TURNOUT_SNAPSHOT, { ...this.next(), hour, voters, takenAtMs }, this.key);
  }

  /** The protocol of the first contest, with the protocols of the further ones (by contest id) beside it. */
  sealProtocol(figures: ProtocolFigures, boxFailed: boolean, signedAtMs: number, contests: Record<string, ProtocolFigures> = {}): Buffer {
    const votes = Object.entries(figures.votes).map(([partyId, votes]) => ({ partyId, votes }));
    const further = Object.entries(contests).map(([contestId, f]) => ({
      ...f,
      contestId,
      votes: Object.entries(f.votes).map(([selectionId, votes]) => ({ selectionId, votes })),
    }));
    return signPayload(v1.PayloadKind.PAYLOAD_KIND_MANUAL_PROTOCOL, { ...this.next(), ...figures, votes, boxFailed, signedAtMs, contests: further }, this.key);
  }

  private next() {
    const { electionId, definitionHash, precinctId } = this.header;
    return { electionId, definitionHash: Buffer.from(definitionHash, 'hex'), precinctId, deviceId: this.deviceId, sequence: ++this.sequence };
  }
}
