import { pointer } from '../formats/json-pointer.js';
import { InvalidDocumentError, type ValidationIssue } from '../formats/validation-error.js';
import { ROLES, type Role } from './api-key.js';
import { PROVIDER_ID as SLUG } from '../formats/provider-id.js';

export interface KeyRequest {
  role: Role;
  providerId: string | null;
  /** Required for reviewer keys: who the evidence comes from. */
  organisation?: string;
  label?: string;
}

const FIELDS = new Set(['role', 'providerId', 'organisation', 'label']);

/** Checks the body of `POST /v1/keys`; throws a 422 listing every problem with a pointer. */
export function parseKeyRequest(body: unknown): KeyRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new InvalidDocumentError([{ pointer: '', message: 'must be an object', keyword: 'type' }]);
  }
  const b = body as Record<string, unknown>;
  const issues: ValidationIssue[] = [];
  for (const key of Object.keys(b)) if (!FIELDS.has(key)) issues.push({ pointer: pointer(key), message: 'is not a known field', keyword: 'additionalProperties' });
  if (!ROLES.includes(b.role as Role)) issues.push({ pointer: '/role', message: `must be one of ${ROLES.join(', ')}`, keyword: 'enum' });
  if (b.role === 'provider' && (typeof b.providerId !== 'string' || !SLUG.test(b.providerId))) {
    issues.push({ pointer: '/providerId', message: 'a provider key needs the provider id it may write for (a slug)', keyword: 'required' });
  }
  if (b.role !== 'provider' && b.providerId !== undefined && b.providerId !== null) {
    issues.push({ pointer: '/providerId', message: `a${b.role === 'admin' ? 'n admin' : ' reviewer'} key is not bound to a provider`, keyword: 'not' });
  }
  const organisation = typeof b.organisation === 'string' ? b.organisation.trim() : undefined;
  if (b.role === 'reviewer' && (!organisation || organisation.length > 200)) {
    issues.push({ pointer: '/organisation', message: 'a reviewer key needs the organisation it speaks for (1–200 characters)', keyword: 'required' });
  }
  if (b.role !== 'reviewer' && b.organisation !== undefined) {
    issues.push({ pointer: '/organisation', message: 'only reviewer keys name an organisation', keyword: 'not' });
  }
  if (b.label !== undefined && (typeof b.label !== 'string' || b.label.length > 200)) {
    issues.push({ pointer: '/label', message: 'must be a string of at most 200 characters', keyword: 'maxLength' });
  }
  if (issues.length > 0) throw new InvalidDocumentError(issues, 'The key request is not valid.');
  return {
    role: b.role as Role,
    providerId: b.role === 'provider' ? (b.providerId as string) : null,
    ...(b.role === 'reviewer' ? { organisation } : {}),
    ...(b.label !== undefined ? { label: b.label as string } : {}),
  };
}
