/**
 * Text that Terraform must hand on verbatim. In Terraform JSON every string is a template:
 * `${…}` interpolates and `%{…}` is a directive, so a shell's `${HOSTNAME##*-}`, Nomad's
 * `${attr.cpu.arch}` or a config file's `%{…}` must reach Terraform as `$${…}` / `%%{…}`.
 * Constructs escape every free-text value they pass to a resource with these functions, so
 * stacks never write an escape by hand; `npm run validate` checks the result with
 * Terraform's own parser.
 */
// @ts-nocheck


/** Escapes `${` and `%{`; cdktf's own tokens (`${TfToken[…]}`) stay, so references still resolve. */
export function terraformLiteral(text: string): string {
  // Replacement functions: in a replacement string "$$" would collapse to "$".
  return text.replace(/\$\{(?!TfToken\[)/g, () => "$${").replace(/%\{/g, () => "%%{");
}

/** The text a literal stands for: what Terraform passes on (`$${` → `${`, `%%{` → `%{`). */
export function readTerraformLiteral(text: string): string {
  return text.replace(/\$\$\{/g, () => "${").replace(/%%\{/g, () => "%{");
}

/** Every string of a value, keys included, as a literal: for objects Terraform receives whole (manifests, values). */
export function terraformLiteralDeep<T>(value: T): T {
  if (typeof value === "string") return terraformLiteral(value) as T;
  if (Array.isArray(value)) return value.map((v) => terraformLiteralDeep(v)) as T;
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [terraformLiteral(k), terraformLiteralDeep(v)])) as T;
  }
  return value;
}
