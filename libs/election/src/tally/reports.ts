/**
 * What a precinct reports on election day, as the tally counts it: the box's preliminary count,
 * the commission's manual protocol, an identification device's summary, a turnout snapshot.
 */
export const MESSAGE_KINDS = ['result', 'protocol', 'identification', 'turnout'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];
/**
 * Kinds of which a device's later message replaces its earlier one for the same precinct (a turnout
 * snapshot only replaces one of its own hour): an earlier message arriving after a later one is stale.
 */
export const SUPERSEDING_KINDS: readonly MessageKind[] = ['result', 'protocol', 'identification'];

/** One contest's count on a box's result: its votes, invalid ballots, "against all", the ballots in the box. */
export interface ContestCount {
  votes: Record<string, number>;
  invalidBallots: number;
  againstAll: number;
  ballotsInBox: number;
}

/**
 * A ballot box's preliminary count. Its own figures are of its precinct's first contest;
 * `contests` holds the count of each further contest whose ballot the box read (a district's
 * candidates beside the party lists), by contest id.
 */
export interface ResultPayload extends ContestCount {
  closedAtMs: number;
  contests?: Record<string, ContestCount>;
}

/** One contest's figures on the manual protocol. */
export interface ContestProtocol extends ContestCount {
  ballotsReceived: number;
  ballotsIssued: number;
  ballotsUnused: number;
  ballotsSpoiled: number;
  validBallots: number;
}

/** The commission's manual count: the official protocol, of the first contest and (`contests`) of each further one. */
export interface ProtocolPayload extends ContestProtocol {
  boxFailed: boolean;
  signedAtMs: number;
  contests?: Record<string, ContestProtocol>;
}

/** A voter identified here and at another precinct, found when an offline device synchronized. */
export interface DoubleVoteRecord {
  voterRef: string;
  otherPrecinctId: string;
  hereAtMs: number;
  thereAtMs: number;
}

export interface IdentificationPayload {
  identifiedByFingerprint: number;
  identifiedByFace: number;
  refused: Record<string, number>;
  slipsPrinted: number;
  doubleVotes: DoubleVoteRecord[];
  closedAtMs: number;
}

export interface TurnoutPayload {
  hour: number;
  voters: number;
  takenAtMs: number;
}

export interface PayloadOf {
  result: ResultPayload;
  protocol: ProtocolPayload;
  identification: IdentificationPayload;
  turnout: TurnoutPayload;
}

export type Payload = PayloadOf[MessageKind];

/** One device's report about its precinct, numbered by the device's own sequence. */
export type PrecinctReport<K extends MessageKind = MessageKind> = {
  [k in K]: { kind: k; precinctId: string; deviceId: string; sequence: number; payload: PayloadOf[k]; bodyHash: Uint8Array };
}[K];
