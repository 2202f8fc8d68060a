// @ts-nocheck
import { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import type { IClusterSecretStore } from "../.gen/models/external-secrets.io/v1/ClusterSecretStore";
import { CustomResource } from "./custom-resource";
import { HelmChart } from "./helm-chart";

type VaultProvider = NonNullable<NonNullable<IClusterSecretStore["spec"]>["provider"]["vault"]>;

export interface ClusterSecretStoreProps {
  /** Store name apps refer to, e.g. "vault-kv". */
  readonly name: string;
  readonly vaultAddress: string;
  /** The Vault mount the store reads, e.g. the KV store's path (a reference). */
  readonly mountPath: string;
  /** "v2" for KV v2; "v1" for plain reads such as database/static-creds. */
  readonly kvVersion: NonNullable<VaultProvider["version"]>;
  /** Vault Kubernetes auth: mount path and role External Secrets logs in with. */
  readonly auth: { readonly mountPath: string; readonly role: string; readonly serviceAccount: string; readonly namespace: string };
  /** The External Secrets release that installs the CRD. */
  readonly operator: HelmChart;
  /**
   * The only namespaces whose ExternalSecrets the store serves (spec.conditions); none serves
   * nobody. A store without conditions would serve every namespace (external-secrets 0.20.4
   * pkg/controllers/secretstore/client_manager.go shouldProcessSecret).
   */
  readonly namespaces: readonly string[];
}

/** An External Secrets ClusterSecretStore backed by Vault, logging in with Kubernetes auth. */
export class ClusterSecretStore extends Construct {
  readonly name: string;
  /** The store's manifest, for ExternalSecrets that must wait for it. */
  readonly dependable: ITerraformDependable;

  constructor(scope: Construct, id: string, props: ClusterSecretStoreProps) {
    super(scope, id);
    this.name = props.name;
    const resource = new CustomResource<IClusterSecretStore>(this, "Resource", {
      apiVersion: "external-secrets.io/v1",
      kind: "ClusterSecretStore",
      name: props.name,
      body: {
        spec: {
          conditions: [{ namespaces: [...new Set(props.namespaces)].sort() }],
          provider: {
            vault: {
              server: props.vaultAddress,
              path: props.mountPath,
              version: props.kvVersion,
              auth: {
                kubernetes: {
                  mountPath: props.auth.mountPath,
                  role: props.auth.role,
                  serviceAccountRef: { name: props.auth.serviceAccount, namespace: props.auth.namespace },
                },
              },
            },
          },
        },
      },
      after: [props.operator],
    });
    this.dependable = resource.dependable;
  }
}
