/** A Vault ACL policy as data, serialized as JSON (Vault accepts JSON policies): no HCL strings. */
// @ts-nocheck

export type VaultCapability = "create" | "read" | "update" | "patch" | "delete" | "list" | "sudo" | "deny";

export function vaultPolicyJson(rules: ReadonlyArray<{ readonly path: string; readonly capabilities: readonly VaultCapability[] }>): string {
  const sorted = [...rules].sort((a, b) => a.path.localeCompare(b.path));
  return JSON.stringify({ path: Object.fromEntries(sorted.map((r) => [r.path, { capabilities: [...r.capabilities] }])) });
}
