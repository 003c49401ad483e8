// Citizens' write bodies are checked for their JSON types before fastify's validator runs, because
// that validator coerces ("3" becomes 3, true becomes 1, 12345 becomes "12345") and drops unknown
// fields silently. Here a wrong type or an unknown field is a 400 naming the field; ranges, lengths
// and patterns are then checked by the route's schema as usual.
import type { FastifyRequest } from "fastify";
import { HttpError } from "../errors";
import { isOfJsonType } from "../../domain/validate";

interface Schema { type?: string | string[]; properties?: Record<string, Schema>; items?: Schema; additionalProperties?: boolean }

/** An unknown type word is left to the route's own schema. */
const typeOk = (type: string, v: unknown): boolean => isOfJsonType(type, v) ?? true;

function walk(schema: Schema, v: unknown, path: string): void {
  const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.length > 0 && !types.some((t) => typeOk(t, v))) {
    throw new HttpError("invalid_parameter", `${path} must be ${types.join(" or ")}.`);
  }
  if (Array.isArray(v) && schema.items) v.forEach((item, i) => walk(schema.items!, item, `${path}[${i}]`));
  if (typeOk("object", v) && schema.properties) {
    for (const [key, value] of Object.entries(v as Record<string, unknown>)) {
      const sub = schema.properties[key];
      if (!sub) {
        if (schema.additionalProperties === false) throw new HttpError("invalid_parameter", `${path}.${key} is not a field of this request.`);
        continue;
      }
      walk(sub, value, `${path}.${key}`);
    }
  }
}

/** A preValidation hook for the route's body schema. */
export function strictBody(schema: object) {
  return async (req: FastifyRequest): Promise<void> => {
    if (req.body === undefined) return;
    walk(schema as Schema, req.body, "body");
  };
}
