// @ts-nocheck
import { Mount } from "@cdktf/provider-vault/lib/mount";
import { Construct } from "constructs";
import { HomelabStack } from "./homelab-stack";

export interface VaultKvStoreProps {
  /** Mount path, e.g. "secret". */
  readonly path: string;
}

/** Vault's KV version 2 engine: the source of truth for secrets. */
export class VaultKvStore extends Construct {
  /** The mount path, as a reference: reading it from another stack orders that stack after this one. */
  readonly path: string;

  constructor(scope: Construct, id: string, props: VaultKvStoreProps) {
    super(scope, id);
    if (!/^[a-z0-9][a-z0-9-]*$/.test(props.path)) {
      throw new Error(`${this.node.path}: KV mount path ${JSON.stringify(props.path)} must be lowercase letters, digits and -`);
    }
    const mount = new Mount(this, "Resource", {
      provider: HomelabStack.of(this).provider("vault", this),
      path: props.path,
      type: "kv",
      options: { version: "2" },
      description: "KV v2: source of truth for secrets, synced into Kubernetes by External Secrets",
    });
    this.path = mount.path;
  }
}
