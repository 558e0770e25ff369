import { signPrecinctResult } from '@shailoo/contracts';
import { DeviceKey } from '@shailoo/platform';
import { Delivery, transmit, UplinkOptions } from '@shailoo/modem';
import { BallotCount, ballotsOf, total } from '@shailoo/election';

export interface BallotBoxIdentity {
  deviceId: string;
  electionId: string;
  precinctId: string;
  /** sha-256 of the election definition the box was configured with, hex. */
  definitionHash: string;
  key: DeviceKey;
}

/**
 * A minimal automatic counting ballot box (АЭУ): at close it signs its count and publishes it at
 * QoS 1, and keeps resending until the tally server acknowledges that exact result (accepted or
 * already stored). A refusal is logged by the server and does not stop the box: only a committed
 * result does.
 */
export class BallotBox {
  private sequence = 0;

  constructor(readonly identity: BallotBoxIdentity) {}

  /** The signed envelope of a count (and of the further contests' counts, by contest id), with the next sequence number. */
  seal(count: BallotCount, closedAtMs: number, contests: Record<string, BallotCount> = {}): { sequence: number; envelope: Buffer } {
    const sequence = ++this.sequence;
    const { deviceId, electionId, precinctId, definitionHash, key } = this.identity;
    const validVotes = total(count.votes);
    const envelope = signPrecinctResult(
      {
        electionId,
        definitionHash: Buffer.from(definitionHash, 'hex'),
        precinctId,
        deviceId,
        sequence,
        votes: Object.entries(count.votes).map(([partyId, votes]) => ({ partyId, votes })),
        invalidBallots: count.invalidBallots,
        againstAll: count.againstAll ?? 0,
        ballotsInBox: validVotes + count.invalidBallots + (count.againstAll ?? 0),
        closedAtMs,
        contests: Object.entries(contests).map(([contestId, c]) => ({
          contestId,
          votes: Object.entries(c.votes).map(([selectionId, votes]) => ({ selectionId, votes })),
          invalidBallots: c.invalidBallots,
          againstAll: c.againstAll ?? 0,
          ballotsInBox: ballotsOf(c),
        })),
      },
      key,
    );
    return { sequence, envelope };
  }

  /** Publishes the envelope until it is acknowledged; resolves with the acknowledgement. */
  transmit(envelope: Buffer, options: UplinkOptions): Promise<Delivery> {
    return transmit(envelope, this.identity.electionId, 'result', options);
  }
}
