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

/** A ballot box's preliminary count. */
export interface ResultPayload {
  votes: Record<string, number>;
  invalidBallots: number;
  againstAll: number;
  ballotsInBox: number;
  closedAtMs: number;
}

/** The commission's manual count: the official protocol. */
export interface ProtocolPayload {
  ballotsReceived: number;
  ballotsIssued: number;
  ballotsUnused: number;
  ballotsSpoiled: number;
  ballotsInBox: number;
  validBallots: number;
  invalidBallots: number;
  votes: Record<string, number>;
  againstAll: number;
  boxFailed: boolean;
  signedAtMs: number;
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
