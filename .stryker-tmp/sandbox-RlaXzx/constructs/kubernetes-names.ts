/**
 * Validators and units shared by the Kubernetes constructs: names, hosts, quantities.
 * Pure functions; each returns a problem sentence or undefined.
 */
// @ts-nocheck

import { Token } from "cdktf";

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^(?=.{1,253}$)[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?(\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)*$/;

/** Problem with a Kubernetes object name that must be a DNS label (services, namespaces, claims). */
export function dnsLabelProblem(what: string, value: string): string | undefined {
  if (Token.isUnresolved(value)) return undefined;
  return DNS_LABEL.test(value)
    ? undefined
    : `${what} ${JSON.stringify(value)} must be a DNS label: lowercase a-z, 0-9 and -, at most 63 characters, starting and ending alphanumeric`;
}

/** Problem with a public host name: a fully qualified lowercase DNS name, no wildcard, scheme, port or path. */
export function hostProblem(value: string): string | undefined {
  if (Token.isUnresolved(value)) return undefined;
  if (DNS_SUBDOMAIN.test(value) && value.includes(".")) return undefined;
  return `host ${JSON.stringify(value)} is not a valid host name; allowed: a lowercase fully qualified DNS name such as blog.example.org (no wildcard, scheme, port or path)`;
}

/** Problem with a whole number inside [min, max]. */
export function intProblem(what: string, value: number, min: number, max = Number.MAX_SAFE_INTEGER): string | undefined {
  return Number.isInteger(value) && value >= min && value <= max
    ? undefined
    : `${what} ${value} must be a whole number from ${min}${max === Number.MAX_SAFE_INTEGER ? " up" : ` to ${max}`}`;
}

/** Throws one error naming the construct path and every problem, when there are any. */
export function throwIfProblems(path: string, problems: ReadonlyArray<string | undefined>): void {
  const found = problems.filter((p): p is string => p !== undefined);
  if (found.length) throw new Error(`${path}: ${found.join("; ")}`);
}

/** A memory size in MiB as a Kubernetes quantity. */
export const mib = (n: number): string => `${n}Mi`;
/** A storage size in GiB as a Kubernetes quantity. */
export const gib = (n: number): string => `${n}Gi`;
/** A CPU amount in millicores as a Kubernetes quantity. */
export const millicores = (n: number): string => `${n}m`;

/** Standard labels every workload of this codebase carries; the selector uses the name only. */
export function appLabels(app: string, component?: string): Record<string, string> {
  return {
    "app.kubernetes.io/name": app,
    ...(component ? { "app.kubernetes.io/component": component } : {}),
    "app.kubernetes.io/managed-by": "terraform",
  };
}

/** The selector matching a workload's pods. */
export function selectorLabels(app: string, component?: string): Record<string, string> {
  return { "app.kubernetes.io/name": app, ...(component ? { "app.kubernetes.io/component": component } : {}) };
}
