import { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import type { IPrometheusRule } from "../.gen/models/monitoring.coreos.com/v1/PrometheusRule";
import { CustomResource } from "./custom-resource";
import { appLabels, throwIfProblems } from "./kubernetes-names";
import { Namespace } from "./namespace";

export interface Alert {
  /** CamelCase alert name, e.g. "RaftLeaderElection". */
  readonly alert: string;
  /** PromQL expression that fires the alert. */
  readonly expr: string;
  /** @default "0m" */
  readonly for?: string;
  /** @default "warning" */
  readonly severity?: "info" | "warning" | "critical";
  /** One line for the notification. */
  readonly summary: string;
  /** Routing labels besides severity, e.g. { lane: "security" }. @default - none */
  readonly labels?: Readonly<Record<string, string>>;
}

export interface PrometheusRuleProps {
  readonly namespace: Namespace;
  /** Object name and rule group name, e.g. "gaia-go". */
  readonly name: string;
  readonly alerts: readonly Alert[];
  /** What must exist first, e.g. the release installing the Prometheus operator's CRDs. @default - nothing */
  readonly after?: readonly { readonly dependable: ITerraformDependable }[];
}

/** Alerting rules for the Prometheus Operator, as a PrometheusRule. */
export class PrometheusRule extends Construct {
  constructor(scope: Construct, id: string, props: PrometheusRuleProps) {
    super(scope, id);
    const names = props.alerts.map((a) => a.alert);
    throwIfProblems(this.node.path, [
      props.alerts.length === 0 ? "alerts must list at least one alert" : undefined,
      ...props.alerts.map((a) =>
        /^[A-Z][A-Za-z0-9]*$/.test(a.alert) ? undefined : `alert name ${JSON.stringify(a.alert)} must be CamelCase such as RaftLogTooLarge`,
      ),
      ...props.alerts.map((a) => (a.expr.trim() ? undefined : `alert ${a.alert} has an empty expr`)),
      new Set(names).size === names.length ? undefined : `alert names repeat: ${names.join(", ")}`,
    ]);
    new CustomResource<IPrometheusRule>(this, "Resource", {
      apiVersion: "monitoring.coreos.com/v1",
      kind: "PrometheusRule",
      name: props.name,
      namespace: props.namespace.name,
      labels: appLabels(props.name, "alerts"),
      body: {
        spec: {
          groups: [
            {
              name: props.name,
              rules: props.alerts.map((a) => ({
                alert: a.alert,
                expr: a.expr,
                for: a.for ?? "0m",
                labels: { ...a.labels, severity: a.severity ?? "warning" },
                annotations: { summary: a.summary },
              })),
            },
          ],
        },
      },
      after: props.after,
    });
  }
}
