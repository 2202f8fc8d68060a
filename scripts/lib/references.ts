/**
 * Terraform references in synthesized strings (`${vault_mount.Kv_E29FB789.path}`, another
 * stack's output through `terraform_remote_state`) resolved to what they name, where the
 * synthesized estate holds it as a literal: the mount's path, the role's name, the other
 * stack's value. What only exists after apply (an id, an accessor) stays a readable
 * placeholder, `{vault_auth_backend.accessor}`, never a `${…}` expression.
 */
import { producerOf } from "./affected-core";

/** A synthesized stack's JSON, as in cdk.tf.json. */
export type StackJson = Readonly<Record<string, any>>;

/** A `${…}` Terraform interpolation; `$${` is an escaped literal and left alone. */
const INTERPOLATION = /(?<!\$)\$\{([^{}]*)\}/g;
const REMOTE_OUTPUT = /^data\.terraform_remote_state\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)$/;
const ATTRIBUTE = /^(data\.)?([a-z][a-z0-9_]*)\.([A-Za-z0-9_-]+)\.(.+)$/;
/** References through references (an output naming an attribute naming another): a bound against loops. */
const MAX_DEPTH = 8;

/** `text` with every reference it holds replaced by its value, or a readable placeholder. */
export function resolveReferences(text: string, stackId: string, estate: ReadonlyMap<string, StackJson>, depth = 0): string {
  return text.replace(INTERPOLATION, (_whole, expression: string) => {
    const value = depth < MAX_DEPTH ? referenced(expression.trim(), stackId, estate) : undefined;
    if (value === undefined) return placeholder(expression.trim(), stackId, estate);
    return resolveReferences(String(value.value), value.stackId, estate, depth + 1);
  });
}

/** The literal a reference names, with the stack it must be read in. */
function referenced(expression: string, stackId: string, estate: ReadonlyMap<string, StackJson>): { value: string | number | boolean; stackId: string } | undefined {
  const json = estate.get(stackId);
  const remote = REMOTE_OUTPUT.exec(expression);
  if (remote) {
    const producer = remoteProducer(json, remote[1]);
    const value = producer === undefined ? undefined : estate.get(producer)?.output?.[remote[2]]?.value;
    return isLiteral(value) ? { value, stackId: producer! } : undefined;
  }
  const attribute = ATTRIBUTE.exec(expression);
  if (!attribute) return undefined;
  const [, data, type, name, path] = attribute;
  const value = at((data ? json?.data : json?.resource)?.[type]?.[name], path);
  return isLiteral(value) ? { value, stackId } : undefined;
}

function remoteProducer(json: StackJson | undefined, input: string): string | undefined {
  const block = json?.data?.terraform_remote_state?.[input];
  return block ? producerOf(block) : undefined;
}

function isLiteral(value: unknown): value is string | number | boolean {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}

/**
 * The value at an attribute path such as `path`, `metadata[0].name`. A nested block Terraform
 * addresses as a list of one (`metadata[0]`) is written as an object in cdk.tf.json.
 */
function at(value: unknown, path: string): unknown {
  for (const step of path.split(/\.|(?=\[)/)) {
    if (value === null || typeof value !== "object") return undefined;
    const index = /^\[(\d+)\]$/.exec(step);
    if (!index) value = (value as Record<string, unknown>)[step];
    else if (Array.isArray(value)) value = value[Number(index[1])];
    else if (index[1] !== "0") return undefined;
  }
  return value;
}

/** What a reference that cannot be resolved points at, for a reader. */
function placeholder(expression: string, stackId: string, estate: ReadonlyMap<string, StackJson>): string {
  const remote = REMOTE_OUTPUT.exec(expression);
  if (remote) return `{output of stack ${remoteProducer(estate.get(stackId), remote[1]) ?? remote[1].replace(/^cross-stack-reference-input-/, "")}}`;
  const attribute = ATTRIBUTE.exec(expression);
  return attribute ? `{${attribute[1] ?? ""}${attribute[2]}.${attribute[4]}}` : `{${expression}}`;
}
