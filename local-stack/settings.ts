import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { signJwt } from './jwt.ts';
import { supabaseDir } from './migrations.ts';

/** What the local stack's HTTP API can be tuned with. */
export interface StackSettings {
  /** HS256 secret of every token, the API keys included. */
  jwtSecret: string;
  /** Lifetime of an access token, in seconds. */
  jwtExpirySeconds: number;
  /** Sign-up needs the emailed code before a session is given. */
  enableConfirmations: boolean;
  minimumPasswordLength: number;
  otpLength: number;
  otpExpirySeconds: number;
  /** Schemas served under /rest/v1. */
  schemas: string[];
  /** The most rows one read answers, as PostgREST's db-max-rows. */
  maxRows: number;
}

/**
 * The Supabase CLI's local defaults: the well-known local JWT secret, one
 * hour tokens, and email confirmation off (sign-up answers with a session).
 */
export const defaultSettings: StackSettings = {
  jwtSecret: 'super-secret-jwt-token-with-at-least-32-characters-long',
  jwtExpirySeconds: 3600,
  enableConfirmations: false,
  minimumPasswordLength: 6,
  otpLength: 6,
  otpExpirySeconds: 3600,
  schemas: ['public'],
  maxRows: 1000,
};

/** Defaults, overridden by supabase/config.toml, overridden by `overrides`. */
export function loadSettings(
  overrides: Partial<StackSettings> = {},
  configPath = join(supabaseDir, 'config.toml'),
): StackSettings {
  const config = existsSync(configPath)
    ? parseToml(readFileSync(configPath, 'utf8'))
    : {};
  // Values keep the type TOML gave them; a wrong type in config.toml is the
  // config's mistake, and shows as the setting not working.
  const fromConfig = pickDefined({
    jwtSecret: config['auth.jwt_secret'],
    jwtExpirySeconds: config['auth.jwt_expiry'],
    minimumPasswordLength: config['auth.minimum_password_length'],
    enableConfirmations: config['auth.email.enable_confirmations'],
    otpLength: config['auth.email.otp_length'],
    otpExpirySeconds: config['auth.email.otp_expiry'],
    maxRows: config['api.max_rows'],
  });
  return {
    ...defaultSettings,
    ...(fromConfig as Partial<StackSettings>),
    ...pickDefined(overrides),
  };
}

/** The anon and service_role API keys: long-lived JWTs of those roles. */
export function apiKeys(settings: StackSettings) {
  // The same claims as the Supabase CLI's local keys, so with the default
  // secret the keys are the well-known local ones.
  const exp = 1983812996;
  return {
    anonKey: signJwt(
      { iss: 'supabase-demo', role: 'anon', exp },
      settings.jwtSecret,
    ),
    serviceRoleKey: signJwt(
      { iss: 'supabase-demo', role: 'service_role', exp },
      settings.jwtSecret,
    ),
  };
}

type TomlValue = string | number | boolean | string[];

/**
 * Reads the flat `[section]` / `key = value` subset of TOML that the
 * settings above need; anything else in config.toml is ignored.
 */
function parseToml(text: string): Record<string, TomlValue> {
  const values: Record<string, TomlValue> = {};
  let section = '';
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\s+#.*$/, '').trim();
    const header = /^\[([\w.-]+)\]$/.exec(line);
    if (header) section = header[1]!;
    const pair = /^([\w-]+)\s*=\s*(.+)$/.exec(line);
    if (pair) values[`${section}.${pair[1]}`] = parseTomlValue(pair[2]!);
  }
  return values;
}

function parseTomlValue(text: string): TomlValue {
  if (text === 'true' || text === 'false') return text === 'true';
  if (/^-?\d+$/.test(text)) return Number(text);
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function pickDefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, entry]) => entry !== undefined),
  ) as Partial<T>;
}
