import eel from '../standards/NIST_V1_election_event_logging.json';
import err from '../standards/NIST_V2_election_results_reporting.json';

/** The official NIST schemas (JSON Schema draft-04, with their nonstandard `refTypes` keyword) that the exports must satisfy. */
export const NIST_ERR_SCHEMA: object = err;
export const NIST_EEL_SCHEMA: object = eel;
