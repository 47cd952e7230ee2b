import type { AccountRequest } from './account-protocol';
import { BadRequestError } from './bad-request-error';

type Fields = Record<string, unknown>;
type Reader = (fields: Fields) => AccountRequest;

/** Longest email, code, URL and key the background reads. */
const MAX_TEXT = 4096;

/** How each account request is read, by its type. */
const READERS: Record<AccountRequest['type'], Reader> = {
  'account-status': () => ({ type: 'account-status' }),
  'workspace-connect': (fields) => ({
    type: 'workspace-connect',
    url: text(fields, 'url'),
    anonKey: text(fields, 'anonKey'),
  }),
  'workspace-disconnect': (fields) => ({
    type: 'workspace-disconnect',
    keepDrafts: flag(fields, 'keepDrafts'),
  }),
  'sign-in-password': (fields) => ({
    type: 'sign-in-password',
    email: email(fields),
    password: text(fields, 'password'),
  }),
  'sign-in-code-send': (fields) => ({
    type: 'sign-in-code-send',
    email: email(fields),
  }),
  'sign-in-code-verify': (fields) => ({
    type: 'sign-in-code-verify',
    email: email(fields),
    code: oneTimeCode(fields),
  }),
  'sign-in-oauth': (fields) => ({
    type: 'sign-in-oauth',
    provider: provider(fields),
  }),
  'sign-out': (fields) => ({
    type: 'sign-out',
    keepDrafts: flag(fields, 'keepDrafts'),
  }),
  'upload-local-drafts': () => ({ type: 'upload-local-drafts' }),
  'sync-now': () => ({ type: 'sync-now' }),
};

/** The type names of the account requests. */
export const ACCOUNT_REQUEST_TYPES = Object.keys(READERS);

/** True when the type names an account request. */
export function isAccountRequestType(
  type: unknown,
): type is AccountRequest['type'] {
  return typeof type === 'string' && Object.hasOwn(READERS, type);
}

/**
 * Reads an account request of a known type, or throws BadRequestError
 * naming the field that is missing or malformed.
 */
export function parseAccountRequest(
  type: AccountRequest['type'],
  fields: Fields,
): AccountRequest {
  return READERS[type](fields);
}

function text(fields: Fields, name: string): string {
  const value = fields[name];
  if (typeof value !== 'string' || value.trim() === '') {
    throw new BadRequestError(`"${name}" must be a non-empty string.`);
  }
  if (value.length > MAX_TEXT) {
    throw new BadRequestError(`"${name}" is longer than ${MAX_TEXT}.`);
  }
  return value;
}

function flag(fields: Fields, name: string): boolean {
  const value = fields[name];
  if (typeof value !== 'boolean') {
    throw new BadRequestError(`"${name}" must be true or false.`);
  }
  return value;
}

function email(fields: Fields): string {
  const value = text(fields, 'email').trim();
  if (!/^[^\s@]+@[^\s@]+$/.test(value)) {
    throw new BadRequestError(`"email" is not an email address.`);
  }
  return value;
}

function oneTimeCode(fields: Fields): string {
  const value = text(fields, 'code').trim();
  if (!/^[0-9]{6,10}$/.test(value)) {
    throw new BadRequestError('"code" must be the 6 to 10 digits emailed.');
  }
  return value;
}

function provider(fields: Fields): string {
  const value = text(fields, 'provider');
  if (!/^[a-z][a-z0-9_-]{0,39}$/.test(value)) {
    throw new BadRequestError(
      `"provider" must be a provider name such as "azure" or "google".`,
    );
  }
  return value;
}
