// @ts-nocheck
import { Manifest } from "@cdktf/provider-kubernetes/lib/manifest";
import { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { HomelabStack } from "./homelab-stack";
import { dnsLabelProblem, throwIfProblems } from "./kubernetes-names";
import { terraformLiteralDeep } from "./terraform-literal";

/** What every custom resource's model (.gen/models, generated from its CRD) has: a literal apiVersion and kind. */
export interface CustomResourceModel {
  readonly apiVersion: string;
  readonly kind: string;
}

/**
 * A kind without a model: anything goes, and only the custom-resources check judges it. For
 * tests that build what tsc would reject, to show the check rejects it too.
 */
export interface UncheckedCustomResource extends CustomResourceModel {
  readonly [field: string]: unknown;
}

/** The default when no model is given: tsc then reports this apiVersion, which says what to do. */
interface ModelMissing {
  readonly apiVersion: "name the kind's model from .gen/models, e.g. CustomResource<IMiddleware> (npm run contracts -- crd-models)";
  readonly kind: never;
}

export interface CustomResourceProps<Model extends CustomResourceModel> {
  /** e.g. "traefik.io/v1alpha1": the model's. */
  readonly apiVersion: Model["apiVersion"];
  /** e.g. "Middleware": the model's. */
  readonly kind: Model["kind"];
  readonly name: string;
  /** @default - cluster-scoped */
  readonly namespace?: string;
  /** @default - none */
  readonly labels?: Readonly<Record<string, string>>;
  /** @default - none */
  readonly annotations?: Readonly<Record<string, string>>;
  /** The object besides apiVersion, kind and metadata, as the model types it, e.g. { spec: { … } }. */
  readonly body: Omit<Model, "apiVersion" | "kind" | "metadata">;
  /** What must exist first, e.g. the HelmChart installing the CRD's operator. @default - nothing */
  readonly after?: readonly { readonly dependable: ITerraformDependable }[];
}

/**
 * An instance of a CRD (Traefik Middleware, CNPG Cluster, ExternalSecret, PrometheusRule…)
 * through kubernetes_manifest: only for kinds without a typed resource. Its body is typed by
 * the kind's model, `new CustomResource<IMiddleware>(…)`, so a misspelt field fails tsc; the
 * custom-resources check validates the synthesized object again. The API server must know
 * the CRD at plan time, so the stack installing the operator must be applied first.
 */
export class CustomResource<Model extends CustomResourceModel = ModelMissing> extends Construct {
  readonly name: string;
  /** The manifest, for resources that must wait for this object. */
  readonly dependable: ITerraformDependable;

  constructor(scope: Construct, id: string, props: CustomResourceProps<NoInfer<Model>>) {
    super(scope, id);
    throwIfProblems(this.node.path, [
      /^([a-z0-9.-]+\/)?v[0-9]+((alpha|beta)[0-9]+)?$/.test(props.apiVersion)
        ? undefined
        : `apiVersion ${JSON.stringify(props.apiVersion)} must look like group/v1 or v1beta1`,
      /^[A-Z][A-Za-z0-9]*$/.test(props.kind) ? undefined : `kind ${JSON.stringify(props.kind)} must be a CamelCase kind such as Middleware`,
      dnsLabelProblem(`${props.kind} name`, props.name),
      "metadata" in props.body || "apiVersion" in props.body || "kind" in props.body
        ? "body must not set apiVersion, kind or metadata; pass them as props"
        : undefined,
    ]);
    this.name = props.name;
    this.dependable = new Manifest(this, "Resource", {
      provider: HomelabStack.of(this).provider("kubernetes", this),
      // The object is the API server's text: a ${…} in it (a template, an alert) is not Terraform's.
      manifest: terraformLiteralDeep({
        apiVersion: props.apiVersion,
        kind: props.kind,
        metadata: {
          name: props.name,
          ...(props.namespace ? { namespace: props.namespace } : {}),
          labels: { "app.kubernetes.io/managed-by": "terraform", ...props.labels },
          ...(props.annotations ? { annotations: props.annotations } : {}),
        },
        ...props.body,
      }),
      dependsOn: props.after?.map((a) => a.dependable),
    });
  }
}
