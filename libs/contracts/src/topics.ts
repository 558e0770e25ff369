/**
 * The MQTT topic scheme (MQTT 3.1.1; no level is ever empty).
 *
 *   shailoo/v1/up/{electionId}/{deviceId}/result      device → CEC   SignedEnvelope(PrecinctResult), QoS 1
 *   shailoo/v1/down/{deviceId}/ack                    CEC → device   Ack, QoS 1
 *   shailoo/v1/pub/{electionId}/aggregate             CEC → anyone   ElectionAggregate, QoS 1, retained
 */
export const TOPIC_ROOT = 'shailoo/v1';

export const Topics = {
  result: (electionId: string, deviceId: string) => `${TOPIC_ROOT}/up/${electionId}/${deviceId}/result`,
  resultFilter: `${TOPIC_ROOT}/up/+/+/result`,
  ack: (deviceId: string) => `${TOPIC_ROOT}/down/${deviceId}/ack`,
  aggregate: (electionId: string) => `${TOPIC_ROOT}/pub/${electionId}/aggregate`,
};

/** The election and device a result topic names, or null when the topic is not one. */
export function parseResultTopic(topic: string): { electionId: string; deviceId: string } | null {
  const parts = topic.split('/');
  if (parts.length !== 6 || `${parts[0]}/${parts[1]}` !== TOPIC_ROOT || parts[2] !== 'up' || parts[5] !== 'result') return null;
  return { electionId: parts[3], deviceId: parts[4] };
}

/** A topic level must not contain MQTT's separators or wildcards. */
export function isTopicLevel(s: string): boolean {
  return s.length > 0 && !/[/+#\u0000]/.test(s);
}
