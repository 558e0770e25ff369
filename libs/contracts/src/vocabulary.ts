import { MESSAGE_KINDS, MessageKind } from '@shailoo/election';

/**
 * The shared vocabulary of devices and servers, each list defined once. The kinds of message are
 * the law's kinds of precinct report (libs/election/src/tally/reports.ts): also the last level of
 * an uplink topic and the `kind` of a stored submission.
 */
export { MESSAGE_KINDS };
export type { MessageKind };

/** The polling-station devices the CEC's services know. */
export const DEVICE_KINDS = ['ballot-box', 'commission', 'identification'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

/** Which device kinds may send which kind of message. */
export const SENDERS: Record<MessageKind, readonly DeviceKind[]> = {
  result: ['ballot-box'],
  protocol: ['commission'],
  identification: ['identification'],
  turnout: ['commission'],
};

export const isDeviceKind = (s: string): s is DeviceKind => (DEVICE_KINDS as readonly string[]).includes(s);
export const isMessageKind = (s: string): s is MessageKind => (MESSAGE_KINDS as readonly string[]).includes(s);

/** Why a device's message is not authentic or not addressed right (checked the same by every service). */
export const AUTHENTICATION_FAILURES = [
  'malformed-envelope',
  'unsupported-version',
  'unsupported-kind',
  'malformed-body',
  'topic-mismatch',
  'unknown-device',
  'revoked',
  'bad-signature',
  'device-mismatch',
  'unknown-election',
  'definition-mismatch',
  'wrong-precinct',
  'out-of-range',
] as const;
export type AuthenticationFailure = (typeof AUTHENTICATION_FAILURES)[number];

/** The largest sequence a device may use (from 1): the servers store it as a 32-bit signed integer. */
export const MAX_SEQUENCE = 2 ** 31 - 1;

/** Why the tally server refuses a message: not authentic, or against the law's arithmetic or the sequence rules. */
export const REJECTION_REASONS = [
  ...AUTHENTICATION_FAILURES,
  'unknown-party',
  'unknown-contest',
  'control-relation',
  'stale-sequence',
  'sequence-reused',
  'count-closed',
  'store-refused',
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

/** Why a voter is turned away at identification: the first three are the identification service's answers, the last two the device's own. */
export const REFUSAL_REASONS = ['not-in-list', 'other-precinct', 'already-identified', 'biometric-mismatch', 'unreadable-document'] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];
export const isRefusalReason = (s: string): s is RefusalReason => (REFUSAL_REASONS as readonly string[]).includes(s);
