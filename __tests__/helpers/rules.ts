import { Construct } from "constructs";
import { ClusterId, HomelabStack, ProviderKind } from "../../constructs";
import { Finding } from "../../policy/engine";
import { METRICS_MODE_ANNOTATION, METRICS_REASON_ANNOTATION, UPTIME_MODE_ANNOTATION, UPTIME_REASON_ANNOTATION } from "../../policy/rules/k8s-workload-observability";
import { checkApp, testStack } from "./synth";

/**
 * Builds resources in the smallest stack that shows a rule (one tier-1 stack of the
 * given cluster) and returns that rule's open findings as "path: message" lines.
 */
export function findingsOf(ruleId: string, cluster: ClusterId, build: (stack: HomelabStack) => void): string[] {
  const report = checkApp((app) => build(testStack(app, { cluster })));
  return report.findings.filter((f) => f.ruleId === ruleId && f.acknowledged === undefined).map(line);
}

/** Every finding of a build, acknowledged ones included. */
export function allFindings(cluster: ClusterId, build: (stack: HomelabStack) => void): Finding[] {
  return [...checkApp((app) => build(testStack(app, { cluster }))).findings];
}

export function line(f: Finding): string {
  return `${f.path}: ${f.message}`;
}

/** The construct passed to a raw resource so that it uses the stack's provider. */
export function providerOf(scope: Construct, kind: ProviderKind) {
  return HomelabStack.of(scope).provider(kind, scope);
}

/** Annotations of a raw workload fixture that declares no metrics and no uptime monitor (HL-K8S-12), with reasons. */
export const UNWATCHED_WORKLOAD: Readonly<Record<string, string>> = {
  [METRICS_MODE_ANNOTATION]: "none",
  [METRICS_REASON_ANNOTATION]: "a test fixture without metrics",
  [UPTIME_MODE_ANNOTATION]: "none",
  [UPTIME_REASON_ANNOTATION]: "a test fixture without a Service",
};
