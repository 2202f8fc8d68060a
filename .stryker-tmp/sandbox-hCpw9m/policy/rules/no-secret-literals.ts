// @ts-nocheck
import YAML from "yaml";
import { parseNomadJob } from "../resource-data";
import { ResourceRule } from "../rule";

/** Credential formats recognisable by their shape, wherever they appear. */
export const CREDENTIAL_FORMATS: ReadonlyArray<[string, RegExp]> = [
  ["a PEM private key", /-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY-----/],
  ["an AWS access key id", /\b(AKIA|ASIA)[0-9A-Z]{16}\b/],
  ["a GitHub token", /\b(gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{40,})\b/],
  ["a Slack token", /\bxox[abprs]-[A-Za-z0-9-]{10,}/],
  ["a Vault token", /\bhv[sbr]\.[A-Za-z0-9_-]{20,}/],
  ["an age identity", /AGE-SECRET-KEY-1[0-9A-Z]{58}/],
  ["a JSON web token", /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+/],
  ["a connection string with a password", /\b[a-z][a-z0-9+]*:\/\/[^:/@\s"'${}]+:[^@/\s"'${}]+@/],
];

const SECRET_WORDS = ["password", "passwd", "passphrase", "secret", "token", "apikey", "credential", "credentials"];
const SECRET_PAIRS = [["api", "key"], ["access", "key"], ["secret", "key"], ["private", "key"], ["client", "secret"], ["encryption", "key"]];
/** Last words that make a name about a secret rather than the secret itself. */
const NAME_ENDINGS = ["name", "names", "namespace", "ref", "path", "file", "type", "ttl", "policy", "policies", "mount", "field", "version", "length", "period", "store", "template", "hook"];

/** Whether an attribute, env or data key names a secret value (password, token, api key …). */
export function namesASecret(key: string): boolean {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  if (words.length === 0 || NAME_ENDINGS.includes(words[words.length - 1]) || words[0] === "existing") return false;
  if (words.some((w) => SECRET_WORDS.includes(w))) return true;
  return SECRET_PAIRS.some(([a, b]) => words.some((w, i) => w === a && words[i + 1] === b));
}

/** A literal: not a Terraform reference and not a Nomad/consul-template expression rendered at run time. */
function isLiteral(value: string): boolean {
  return value !== "" && !value.includes("${") && !value.includes("{{");
}

function findLiterals(value: unknown, path: string, out: string[]): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => findLiterals(v, `${path}[${i}]`, out));
    return;
  }
  if (!value || typeof value !== "object") return;
  const obj = value as Record<string, unknown>;
  // Env entries as {name, value} pairs (Kubernetes env, Nomad-like lists).
  if (typeof obj.name === "string" && typeof obj.value === "string" && namesASecret(obj.name) && isLiteral(obj.value)) {
    out.push(`${path} sets ${obj.name} to a literal`);
  }
  // External Secrets maps a remote key onto a Secret key: both are names, not values.
  const isSecretMapping = "remoteRef" in obj || "remote_ref" in obj;
  for (const [key, child] of Object.entries(obj)) {
    const here = path ? `${path}.${key}` : key;
    if (typeof child === "string") {
      if (key !== "value" && !isSecretMapping && namesASecret(key) && isLiteral(child)) out.push(`${here} is a literal`);
    } else {
      findLiterals(child, here, out);
    }
  }
}

export const noSecretLiterals: ResourceRule = {
  id: "HL-SECRET-1",
  scope: "resource",
  level: "error",
  description: "no secret literals: password/token/secret/key attributes and env entries are references, and no known credential format appears",
  fix: "read the value at run time: a Nomad template from Vault or Nomad variables, an ExternalSecret, a Terraform variable marked sensitive, or the provider's environment variable",
  check(resource) {
    const problems: string[] = [];
    findLiterals(resource.attributes, "", problems);
    if (resource.type === "nomad_job") {
      const parsed = parseNomadJob(resource);
      if ("job" in parsed) findLiterals(parsed.job, "jobspec", problems);
    }
    if (resource.type === "helm_release" && Array.isArray(resource.attributes.values)) {
      resource.attributes.values.forEach((doc, i) => {
        if (typeof doc !== "string") return;
        try {
          findLiterals(YAML.parse(doc), `values[${i}]`, problems);
        } catch {
          problems.push(`values[${i}] is not YAML, so it cannot be checked for secrets`);
        }
      });
    }
    const text = JSON.stringify(resource.attributes);
    for (const [what, pattern] of CREDENTIAL_FORMATS) {
      if (pattern.test(text)) problems.push(`contains what looks like ${what}`);
    }
    return problems;
  },
};
