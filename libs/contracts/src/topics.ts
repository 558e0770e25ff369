import { MessageKind } from './vocabulary';

/**
 * The MQTT topic scheme (MQTT 3.1.1; no level is ever empty).
 *
 *   shailoo/v1/up/{electionId}/{deviceId}/{kind}            device → CEC   SignedEnvelope, QoS 1;
 *       kind: result (PrecinctResult), protocol (ManualProtocol),
 *             identification (IdentificationReport), turnout (TurnoutSnapshot)
 *   shailoo/v1/down/{deviceId}/ack                          CEC → device   Ack, QoS 1
 *   shailoo/v1/id/{electionId}/{deviceId}/request           identification device → service   SignedEnvelope(IdentifyRequest)
 *   shailoo/v1/down/{deviceId}/identification               service → identification device   IdentifyResponse
 *   shailoo/v1/pub/{electionId}/aggregate                   CEC → anyone   ElectionAggregate of the whole election, retained
 *   shailoo/v1/pub/{electionId}/territory/{territoryId}     CEC → anyone   ElectionAggregate of one territory, retained
 */
export const TOPIC_ROOT = 'shailoo/v1';

export const Topics = {
  uplink: (electionId: string, deviceId: string, kind: MessageKind) => `${TOPIC_ROOT}/up/${electionId}/${deviceId}/${kind}`,
  /** What every uplink topic of an election starts with. */
  uplinkPrefix: (electionId: string) => `${TOPIC_ROOT}/up/${electionId}/`,
  result: (electionId: string, deviceId: string) => Topics.uplink(electionId, deviceId, 'result'),
  uplinkFilter: `${TOPIC_ROOT}/up/+/+/+`,
  ack: (deviceId: string) => `${TOPIC_ROOT}/down/${deviceId}/ack`,
  identify: (electionId: string, deviceId: string) => `${TOPIC_ROOT}/id/${electionId}/${deviceId}/request`,
  identifyFilter: `${TOPIC_ROOT}/id/+/+/request`,
  identification: (deviceId: string) => `${TOPIC_ROOT}/down/${deviceId}/identification`,
  aggregate: (electionId: string) => `${TOPIC_ROOT}/pub/${electionId}/aggregate`,
  territory: (electionId: string, territoryId: string) => `${TOPIC_ROOT}/pub/${electionId}/territory/${territoryId}`,
};

/** The election, device and kind an uplink topic names, or null when the topic is not one. */
export function parseUplinkTopic(topic: string): { electionId: string; deviceId: string; kind: string } | null {
  const parts = topic.split('/');
  if (parts.length !== 6 || `${parts[0]}/${parts[1]}` !== TOPIC_ROOT || parts[2] !== 'up') return null;
  return { electionId: parts[3], deviceId: parts[4], kind: parts[5] };
}

/** The election and device an identification request topic names, or null. */
export function parseIdentifyTopic(topic: string): { electionId: string; deviceId: string } | null {
  const parts = topic.split('/');
  if (parts.length !== 6 || `${parts[0]}/${parts[1]}` !== TOPIC_ROOT || parts[2] !== 'id' || parts[5] !== 'request') return null;
  return { electionId: parts[3], deviceId: parts[4] };
}

/**
 * Every id a definition holds (the election's, its territories', contests' and parties') and every
 * device id: they become topic levels, keys and file names. Letters of any script and digits, with
 * `.`, `_`, `:` and `-` after the first; at most 64 characters.
 */
export const ID_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}._:-]{0,63}$/u;

/** What is wrong with an id (see ID_PATTERN), or null when nothing is. */
export function idProblem(what: string, id: unknown): string | null {
  if (typeof id !== 'string') return `${what} must be a string, got ${id === null ? 'null' : typeof id}`;
  if (ID_PATTERN.test(id)) return null;
  const shown = id.length > 40 ? `${JSON.stringify(id.slice(0, 40))}… (${id.length} characters)` : JSON.stringify(id);
  return `${what} ${shown} is not an id: letters and digits, then also ".", "_", ":" or "-", at most 64 characters`;
}

/** A topic level must not contain MQTT's separators or wildcards. */
export function isTopicLevel(s: string): boolean {
  return s.length > 0 && !['/', '+', '#', '\u0000'].some((c) => s.includes(c));
}
