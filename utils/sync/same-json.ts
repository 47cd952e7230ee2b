/**
 * True when two values read as the same JSON: the same arrays, and
 * objects with the same defined fields, in any order. Cheaper than
 * comparing two JSON strings, and it stops at the first difference.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!isObject(a) || !isObject(b)) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return sameArrays(a, b);
  }

  const fields = definedKeys(a);
  if (fields.length !== definedKeys(b).length) return false;
  return fields.every((key) => sameJson(a[key], b[key]));
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null;
}

function sameArrays(a: JsonObject, b: JsonObject): boolean {
  if (!Array.isArray(a) || !Array.isArray(b)) return false;
  if (a.length !== b.length) return false;
  // JSON writes a missing item as null.
  return a.every((item, index) => sameJson(item ?? null, b[index] ?? null));
}

function definedKeys(value: JsonObject): string[] {
  return Object.keys(value).filter((key) => value[key] !== undefined);
}
