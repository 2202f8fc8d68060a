import { Construct } from "constructs";
import type { IMiddleware } from "../.gen/models/traefik.io/v1alpha1/Middleware";
import { CustomResource } from "./custom-resource";
import { HelmChart } from "./helm-chart";
import { appLabels, throwIfProblems } from "./kubernetes-names";
import { Namespace } from "./namespace";

type MiddlewareTypes = IMiddleware["spec"];

/**
 * What a middleware does: the spec of Traefik's Middleware model (from its CRD), with exactly
 * one type of middleware, since Traefik drops the routers using a middleware of several types.
 */
export type MiddlewareSpec = {
  [Type in keyof MiddlewareTypes]-?: { [Only in Type]-?: NonNullable<MiddlewareTypes[Only]> } & { [Other in Exclude<keyof MiddlewareTypes, Type>]?: never };
}[keyof MiddlewareTypes];

export interface TraefikMiddlewareProps {
  /** The Traefik namespace the middleware lives in. */
  readonly namespace: Namespace;
  /** The namespace's name as plain text, to check the reference (tokens cannot be checked). */
  readonly namespaceName: string;
  /** The router-annotation reference ingresses use, <namespace>-<name>@kubernetescrd (from the inventory). */
  readonly reference: string;
  readonly spec: MiddlewareSpec;
  /** The Traefik release that installs the CRD. */
  readonly traefik: HelmChart;
}

const CRD_PROVIDER = "@kubernetescrd";

/**
 * The name of the Middleware a router-annotation reference (<namespace>-<name>@kubernetescrd)
 * points at in that namespace; fails at `where` when the reference is not of that namespace.
 */
export function middlewareNameOf(where: string, reference: string, namespaceName: string): string {
  const prefix = `${namespaceName}-`;
  throwIfProblems(where, [
    reference.startsWith(prefix) && reference.endsWith(CRD_PROVIDER) && reference.length > prefix.length + CRD_PROVIDER.length
      ? undefined
      : `reference ${JSON.stringify(reference)} does not name a middleware of namespace ${namespaceName}; allowed: ${prefix}<name>${CRD_PROVIDER}`,
  ]);
  return reference.slice(prefix.length, -CRD_PROVIDER.length);
}

/**
 * A Traefik Middleware whose name is derived from the reference ingresses put in their
 * router.middlewares annotation, so the two cannot drift apart.
 */
export class TraefikMiddleware extends Construct {
  readonly reference: string;

  constructor(scope: Construct, id: string, props: TraefikMiddlewareProps) {
    super(scope, id);
    const name = middlewareNameOf(this.node.path, props.reference, props.namespaceName);
    this.reference = props.reference;
    new CustomResource<IMiddleware>(this, "Resource", {
      apiVersion: "traefik.io/v1alpha1",
      kind: "Middleware",
      name,
      namespace: props.namespace.name,
      labels: appLabels(name, "middleware"),
      body: { spec: props.spec },
      after: [props.traefik],
    });
  }
}
