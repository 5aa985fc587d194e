import { object, str, list, oneOf, record, strOrList, type Check } from '../shape.js';
import { pathProblem } from './path.js';
import { BODY_FORMATS, DIALECTS, FIELD_ROLES } from './presets.js';

/** Validation of a preset written in a config (`exportPresets:`): the same keys as the built-in ones. */

const path: Check = (v, p, c) => {
  str(v, p, c);
  if (typeof v === 'string' && v.trim()) {
    const problem = pathProblem(v);
    if (problem) c.problems.push(c.src.problem(p, `invalid path: ${problem}`));
  }
};
const paths: Check = (v, p, c) => (Array.isArray(v) ? list(path)(v, p, c) : path(v, p, c));

const email: Check = (v, p, c) => {
  if (typeof v !== 'string' || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v)) c.problems.push(c.src.problem(p, `expected an e-mail address, got ${JSON.stringify(v)}`));
};

export const fieldShape: Check = object({
  path: { check: path, required: true },
  name: str,
  format: oneOf(BODY_FORMATS),
  dialect: oneOf(DIALECTS),
  role: oneOf(FIELD_ROLES),
  unless: path,
});

export const presetShape: Check = object({
  extends: str,
  kind: str,
  items: list(path),
  detect: list(str),
  id: paths,
  title: paths,
  folder: paths,
  locale: paths,
  fields: list(fieldShape),
  format: oneOf(BODY_FORMATS),
  dialect: oneOf(DIALECTS),
  signatureEmail: email,
});

export const presetsShape: Check = record(presetShape);
export { email as emailShape, strOrList };
