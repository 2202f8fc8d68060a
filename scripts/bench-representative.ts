import { HomelabApp, HomelabStack, Namespace, ServiceSecrets } from "../constructs";
import { VaultStack } from "../stacks/vault";

/** A copy of a typical service stack under another id: namespace, secrets, cross-stack read. */
export function representativeStack(app: HomelabApp, id: string): HomelabStack {
  const vault = app.node.findChild("vault") as VaultStack;
  const stack = new HomelabStack(app, id, { tier: 1, cluster: "kubernetes", description: "benchmark copy" });
  new Namespace(stack, "Namespace", { name: id });
  new ServiceSecrets(stack, "Secrets", { store: vault.kv, service: id, reads: [`${id}/app`] });
  return stack;
}
