import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { NIST_EEL_SCHEMA, NIST_ERR_SCHEMA } from '@shailoo/contracts';

/** Validators for the official NIST schemas (draft-04, with their nonstandard `refTypes` keyword). */
function validator(schema: object) {
  const ajv = new Ajv({ allErrors: true });
  ajv.addKeyword('refTypes');
  addFormats(ajv);
  return ajv.compile(schema);
}

export const validateErr = validator(NIST_ERR_SCHEMA);
export const validateEel = validator(NIST_EEL_SCHEMA);

/** xs:NCName, as NIST's `@id` values must be. */
export const NCNAME = /^[A-Za-z_][A-Za-z0-9._-]*$/;
