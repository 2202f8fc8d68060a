// @ts-nocheck
import YAML from "yaml";
import { helmReleases } from "../../contracts/helm-releases";
import { HelmChart, HelmChartProps } from "../../constructs/helm-chart";
import { Namespace } from "../../constructs/namespace";
import { readTerraformLiteral } from "../../constructs/terraform-literal";
import { inputWith, lines } from "../contracts/synthesized-input";
import { resourcesOf, StackJson } from "./synth";

/** A synthesized helm_release of a stack, by release name, with its values parsed back. */
export function release(stack: StackJson, name: string): { body: any; values: any } {
  const body = (Object.values(resourcesOf(stack, "helm_release")) as any[]).find((r) => r.name === name);
  if (!body) throw new Error(`no helm_release ${name}`);
  return { body, values: YAML.parse(readTerraformLiteral(body.values[0])) };
}

/** What the helm-releases contract says of a release with these values, one line per finding. */
export function chartFindings(props: Omit<HelmChartProps, "namespace" | "name">): string[] {
  const input = inputWith((s) => new HelmChart(s, "Release", { ...props, name: "r", namespace: new Namespace(s, "Ns", { name: "ns" }) }));
  return lines(helmReleases.check(input));
}

/** Every container resources block under a values tree (any key named resources). */
export function resourceBlocks(values: unknown, path = ""): Array<{ path: string; resources: any }> {
  if (!values || typeof values !== "object") return [];
  return Object.entries(values as Record<string, unknown>).flatMap(([key, child]) =>
    key === "resources" ? [{ path: `${path}${key}`, resources: child }] : resourceBlocks(child, `${path}${key}.`),
  );
}

/** The house rule for a container's resources: a CPU request, no CPU limit, memory request = limit. */
export function followsResourceRule(resources: any): boolean {
  return !!resources?.requests?.cpu && resources.limits?.cpu === undefined && !!resources.requests.memory && resources.requests.memory === resources.limits?.memory;
}
