import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import eel from '../libs/contracts/standards/NIST_V1_election_event_logging.json';
import err from '../libs/contracts/standards/NIST_V2_election_results_reporting.json';

/** Validators for the official NIST schemas (draft-04, with their nonstandard `refTypes` keyword). */
function validator(schema: object) {
  const ajv = new Ajv({ allErrors: true });
  ajv.addKeyword('refTypes');
  addFormats(ajv);
  return ajv.compile(schema);
}

export const validateErr = validator(err);
export const validateEel = validator(eel);

/** xs:NCName, as NIST's `@id` values must be. */
export const NCNAME = /^[A-Za-z_][A-Za-z0-9._-]*$/;
