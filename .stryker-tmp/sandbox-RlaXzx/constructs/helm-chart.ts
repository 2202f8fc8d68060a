// @ts-nocheck
import { Release } from "@cdktf/provider-helm/lib/release";
import { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import YAML from "yaml";
import { EXACT_CHART_VERSION } from "../policy/rules/k8s-helm-chart-pinned";
import { HomelabStack } from "./homelab-stack";
import { dnsLabelProblem, throwIfProblems } from "./kubernetes-names";
import { Namespace } from "./namespace";
import { terraformLiteral } from "./terraform-literal";

export interface HelmChartProps {
  /** Release name, e.g. "traefik". */
  readonly name: string;
  readonly namespace: Namespace;
  /** Chart repository URL, e.g. "https://traefik.github.io/charts". */
  readonly repository: string;
  /** Chart name in the repository. */
  readonly chart: string;
  /** Exact chart version, e.g. "37.1.2"; ranges are refused. */
  readonly version: string;
  /** Values as data; rendered to YAML by the yaml library. @default - the chart's defaults */
  readonly values?: Readonly<Record<string, unknown>>;
  /** @default 600 */
  readonly timeoutSeconds?: number;
  /** What must exist first, e.g. a Secret the chart's pods mount. @default - nothing */
  readonly after?: readonly { readonly dependable: ITerraformDependable }[];
  /**
   * Why the chart's pods need the node (privileged, host namespaces, SYS_ADMIN), e.g. a CSI
   * node plugin mounting volumes: Kyverno's wave-1 policies refuse such pods outside the
   * inventory's excluded namespaces, so synth checks its namespace is one of them.
   * @default - its pods need no host access
   */
  readonly hostAccess?: string;
}

/**
 * A Helm release with a pinned chart version and values built as objects (never
 * templated strings). Atomic, so a failed upgrade rolls back.
 */
export class HelmChart extends Construct {
  readonly name: string;
  readonly namespace: string;
  /** The namespace's name as written, for checks at synth. */
  readonly namespaceName: string;
  /** Why its pods need host access, when they do. */
  readonly hostAccess?: string;
  /** The release, for resources that must wait for it (CustomResource `after`). */
  readonly dependable: ITerraformDependable;

  constructor(scope: Construct, id: string, props: HelmChartProps) {
    super(scope, id);
    throwIfProblems(this.node.path, [
      dnsLabelProblem("release name", props.name),
      props.hostAccess !== undefined && props.hostAccess.trim().length < 10
        ? `hostAccess ${JSON.stringify(props.hostAccess)} must say in 10+ characters why the chart's pods need the node`
        : undefined,
      EXACT_CHART_VERSION.test(props.version)
        ? undefined
        : `chart version ${JSON.stringify(props.version)} is not exact; allowed: an exact version such as 3.1.4 (no range, no latest)`,
      /^(https:\/\/|oci:\/\/)\S+$/.test(props.repository)
        ? undefined
        : `repository ${JSON.stringify(props.repository)} must be an https:// or oci:// URL`,
    ]);
    this.name = props.name;
    this.namespace = props.namespace.name;
    this.namespaceName = props.namespace.literalName;
    this.hostAccess = props.hostAccess?.trim();
    this.dependable = new Release(this, "Release", {
      provider: HomelabStack.of(this).provider("helm", this),
      name: props.name,
      namespace: this.namespace,
      repository: props.repository,
      chart: props.chart,
      version: props.version,
      // Values are the chart's text: a ${…} in them is for the chart's templates, not Terraform.
      // No anchors/aliases for values shared between keys: each key reads as written.
      values: props.values ? [terraformLiteral(YAML.stringify(props.values, { sortMapEntries: true, aliasDuplicateObjects: false }))] : undefined,
      atomic: true,
      cleanupOnFail: true,
      timeout: props.timeoutSeconds ?? 600,
      dependsOn: props.after?.map((a) => a.dependable),
    });
  }
}
