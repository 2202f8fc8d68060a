import { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import type { IProbe } from "../.gen/models/monitoring.coreos.com/v1/Probe";
import { CustomResource } from "./custom-resource";
import { HelmChart } from "./helm-chart";
import { appLabels, throwIfProblems } from "./kubernetes-names";
import { Namespace } from "./namespace";
import { PrometheusRule } from "./prometheus-rule";

/** The blackbox exporter module that judges a route: any answer but a redirect to Authentik passes. */
export const WALLOFF_MODULE = "http_no_authentik_redirect";

/** The blackbox exporter's HTTP port (the chart's default). */
const BLACKBOX_PORT = 9115;

export interface AuthentikWalloffProbeProps {
  readonly namespace: Namespace;
  /** The blackbox exporter release whose config holds WALLOFF_MODULE (see modules()). */
  readonly blackbox: HelmChart;
  /** The probe's job label, which the alert selects. */
  readonly jobName: string;
  /** Every URL that must never redirect to Authentik. */
  readonly urls: readonly string[];
  /** What must exist first: the release installing the Probe CRD. */
  readonly after: readonly { readonly dependable: ITerraformDependable }[];
}

/**
 * The walling-off guard (seed 003, "Authentik walling-off guard"): the blackbox exporter
 * requests each route that must stay out of Authentik without following redirects, and the
 * probe fails only when the answer redirects to Authentik, whatever its status, so a 404 or
 * a login page of the app's own stays green. AuthentikWallingOffPublicPath fires after ten
 * minutes of that.
 */
export class AuthentikWalloffProbe extends Construct {
  /** The blackbox exporter modules for a public domain: the chart's config.modules. */
  static modules(publicDomain: string): Record<string, unknown> {
    const authentikHost = `authentik.${publicDomain}`.replace(/\./g, "\\.");
    return {
      [WALLOFF_MODULE]: {
        prober: "http",
        timeout: "10s",
        http: {
          method: "GET",
          no_follow_redirects: true,
          preferred_ip_protocol: "ip4",
          // Every answer a route may legitimately give, redirects included: only where it redirects to is judged.
          valid_status_codes: [200, 201, 202, 204, 301, 302, 303, 304, 307, 308, 400, 401, 403, 404, 405, 409, 410, 426, 429],
          fail_if_header_matches: [
            { header: "Location", regexp: `(${authentikHost}|/outpost\\.goauthentik\\.io|/application/o/authorize)`, allow_missing: true },
          ],
        },
      },
    };
  }

  readonly urls: readonly string[];

  constructor(scope: Construct, id: string, props: AuthentikWalloffProbeProps) {
    super(scope, id);
    const urls = [...new Set(props.urls)].sort();
    throwIfProblems(this.node.path, urls.map((u) => (/^https:\/\/[a-z0-9.-]+\/\S*$/.test(u) ? undefined : `url ${JSON.stringify(u)} must be https://<host>/<path>`)));
    this.urls = urls;
    if (urls.length === 0) return;
    new CustomResource<IProbe>(this, "Probe", {
      apiVersion: "monitoring.coreos.com/v1",
      kind: "Probe",
      name: "authentik-walloff",
      namespace: props.namespace.name,
      labels: appLabels("authentik-walloff", "probe"),
      body: {
        spec: {
          jobName: props.jobName,
          interval: "60s",
          module: WALLOFF_MODULE,
          prober: { url: `${props.blackbox.name}.${props.namespace.name}.svc:${BLACKBOX_PORT}` },
          targets: { staticConfig: { static: [...urls] } },
        },
      },
      after: props.after,
    });
    new PrometheusRule(this, "Alert", {
      namespace: props.namespace,
      name: "authentik-walloff",
      after: props.after,
      alerts: [
        {
          alert: "AuthentikWallingOffPublicPath",
          // probe_failed_due_to_regex isolates the Authentik redirect from other failures (5xx, DNS, TLS).
          expr: `probe_failed_due_to_regex{job="${props.jobName}"} == 1`,
          for: "10m",
          labels: { lane: "security" },
          summary: "{{ $labels.instance }} must not be behind Authentik but now redirects to it: an auth none/app route regressed",
        },
      ],
    });
  }
}
