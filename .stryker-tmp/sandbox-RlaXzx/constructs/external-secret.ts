// @ts-nocheck
import { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import type { IExternalSecret } from "../.gen/models/external-secrets.io/v1/ExternalSecret";
import type { EnvSecretSource } from "./container";
import { CustomResource } from "./custom-resource";
import { appLabels, dnsLabelProblem, throwIfProblems } from "./kubernetes-names";
import type { NamespaceRef } from "./namespace";
import { ServiceSecrets } from "./service-secrets";

/** The ClusterSecretStore names the external-secrets stack creates. */
export type SecretStoreName = "vault-kv" | "vault-database";

export interface ExternalSecretProps {
  readonly namespace: NamespaceRef;
  /** Name of the ExternalSecret and of the Secret it writes. */
  readonly name: string;
  /** The service's declared secrets (vault stack): only declared paths may be read. */
  readonly secrets: ServiceSecrets;
  /** Secret key → where it comes from: a declared KV path and the property in it. */
  readonly keys: Readonly<Record<string, { readonly path: string; readonly property: string }>>;
  /** @default "vault-kv" */
  readonly store?: SecretStoreName;
  /**
   * The Secret's keys rendered from the keys above by External Secrets' template engine
   * (Go templates: `{{ .token }}`), e.g. a config file holding a credential. The keys above
   * then feed the template only. @default - the keys above, as they are
   */
  readonly template?: Readonly<Record<string, string>>;
  /** @default "1h" */
  readonly refreshInterval?: string;
  /** What must exist first, e.g. the operator release when it is in the same stack. @default - nothing */
  readonly after?: readonly { readonly dependable: ITerraformDependable }[];
}

/** Records which Vault policy allows an ExternalSecret's reads. */
export const VAULT_POLICY_ANNOTATION = "homelab.vault/policy";

/**
 * A Kubernetes Secret synced from Vault by External Secrets. It can only read paths the
 * service declared, so the service's Vault policy and what it reads cannot drift apart.
 */
export class ExternalSecret extends Construct implements EnvSecretSource {
  readonly secretName: string;
  /** The namespace of the Secret it writes. */
  readonly namespace: string;
  /** The ExternalSecret, for what must wait for its Secret. */
  readonly dependable: ITerraformDependable;

  constructor(scope: Construct, id: string, props: ExternalSecretProps) {
    super(scope, id);
    const undeclared = Object.values(props.keys)
      .map((k) => k.path)
      .filter((p) => !props.secrets.reads.includes(p));
    throwIfProblems(this.node.path, [
      dnsLabelProblem("name", props.name),
      Object.keys(props.keys).length ? undefined : "keys must map at least one Secret key",
      ...[...Object.keys(props.keys), ...Object.keys(props.template ?? {})].map((k) =>
        /^[-._a-zA-Z0-9]+$/.test(k) ? undefined : `Secret key ${JSON.stringify(k)} must be [-._a-zA-Z0-9]+`,
      ),
      undeclared.length
        ? `reads ${[...new Set(undeclared)].map((p) => JSON.stringify(p)).join(", ")}, which service ${props.secrets.service} does not declare; allowed: ${props.secrets.reads.join(", ")}`
        : undefined,
    ]);
    this.secretName = props.name;
    this.namespace = props.namespace.name;
    this.dependable = new CustomResource<IExternalSecret>(this, "Resource", {
      apiVersion: "external-secrets.io/v1",
      kind: "ExternalSecret",
      name: props.name,
      namespace: props.namespace.name,
      labels: appLabels(props.secrets.service, "secret"),
      body: {
        spec: {
          refreshInterval: props.refreshInterval ?? "1h",
          secretStoreRef: { kind: "ClusterSecretStore", name: props.store ?? "vault-kv" },
          target: {
            name: props.name,
            creationPolicy: "Owner",
            ...(props.template ? { template: { engineVersion: "v2", data: { ...props.template } } } : {}),
          },
          data: Object.entries(props.keys).map(([secretKey, from]) => ({
            secretKey,
            remoteRef: { key: from.path, property: from.property },
          })),
        },
      },
      annotations: { [VAULT_POLICY_ANNOTATION]: props.secrets.policyName },
      after: props.after,
    }).dependable;
  }
}
