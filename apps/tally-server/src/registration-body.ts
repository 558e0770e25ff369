/** What a registration's body must be, for the messages that refuse one. */
export const REGISTRATION_SHAPE = '{"definition": {id, territory, contests, …}, "devices": [{id, precinctId, kind, publicKey}]}';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What is wrong with a registration's body, field by field (at most ten); empty when its shape is right. */
export function registrationProblems(body: unknown): string[] {
  if (!isObject(body)) return [`the body is ${body === null ? 'null' : Array.isArray(body) ? 'an array' : typeof body}, not an object`];
  const problems: string[] = [];
  const { definition, devices } = body;
  if (!isObject(definition)) problems.push(definition === undefined ? 'definition is missing' : 'definition is not an object');
  else {
    if (typeof definition.id !== 'string' || !definition.id) problems.push('definition.id is missing');
    if (!isObject(definition.territory))
      problems.push(definition.territory === undefined ? 'definition.territory is missing' : 'definition.territory is not an object');
    if (!Array.isArray(definition.contests))
      problems.push(definition.contests === undefined ? 'definition.contests is missing' : 'definition.contests is not a list');
  }
  if (devices !== undefined && devices !== null && !Array.isArray(devices)) problems.push('devices is not a list');
  else
    (devices ?? []).forEach((d: unknown, i: number) => {
      if (!isObject(d)) return problems.push(`devices[${i}] is not an object`);
      for (const field of ['id', 'precinctId', 'kind', 'publicKey'])
        if (typeof d[field] !== 'string' || !d[field]) problems.push(`devices[${i}].${field} is ${d[field] === undefined ? 'missing' : 'not a string'}`);
    });
  return problems.length > 10 ? [...problems.slice(0, 10), `and ${problems.length - 10} more`] : problems;
}
