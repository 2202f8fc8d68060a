import { ClusterId } from "../../constructs";

/** The Bitcoin cluster's ACL token: a Nomad token is valid on one cluster only. */
export const BITCOIN_NOMAD_TOKEN_ENV = "BITCOIN_NOMAD_TOKEN";

/** What a stack's Terraform run talks to, read from its synthesized cdk.tf.json. */
export interface TerraformNeeds {
  /** Provider names configured in the stack (nomad, vault, kubernetes, helm, …). */
  readonly providers: readonly string[];
  /** Whether its backend or a remote-state read is PostgreSQL (PG_CONN_STR). */
  readonly postgres: boolean;
}

/** The parts of a synthesized stack that say what it needs. */
export interface SynthesizedStack {
  readonly provider?: Readonly<Record<string, unknown>>;
  readonly terraform?: { readonly backend?: Readonly<Record<string, unknown>> };
  readonly data?: { readonly terraform_remote_state?: Readonly<Record<string, { readonly backend?: string }>> };
}

export function stackNeeds(stack: SynthesizedStack): TerraformNeeds {
  const remote = Object.values(stack.data?.terraform_remote_state ?? {});
  return {
    providers: Object.keys(stack.provider ?? {}).sort(),
    postgres: "pg" in (stack.terraform?.backend ?? {}) || remote.some((r) => r.backend === "pg"),
  };
}

/**
 * Every run: where programs and the home directory are (~/.terraformrc, ~/.kube, ~/.vault-token),
 * locale, proxies and CA bundles for TLS, and Terraform's own TF_* settings (TF_VAR_* included).
 */
const BASE_NAMES = new Set(["PATH", "HOME", "USER", "LOGNAME", "LANG", "TZ", "TMPDIR", "TERM", "NO_COLOR", "CHECKPOINT_DISABLE",
  "SSL_CERT_FILE", "SSL_CERT_DIR", "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "http_proxy", "https_proxy", "no_proxy"]);
const BASE_PREFIXES = ["LC_", "TF_"];

/**
 * The variables each provider reads, by the prefix its documentation gives them (nomad:
 * NOMAD_TOKEN, NOMAD_CACERT…; vault: VAULT_TOKEN…; kubernetes and helm: KUBE_CONFIG_PATH…;
 * helm also HELM_*; consul: CONSUL_HTTP_TOKEN, CONSUL_CACERT…), and the PostgreSQL backend's
 * (PG_CONN_STR, and libpq's PGSSLMODE…).
 */
const PROVIDER_PREFIXES: Readonly<Record<string, readonly string[]>> = {
  nomad: ["NOMAD_"],
  vault: ["VAULT_"],
  kubernetes: ["KUBE_"],
  helm: ["KUBE_", "HELM_"],
  consul: ["CONSUL_"],
};
const POSTGRES_PREFIXES = ["PG"];

/**
 * The environment Terraform runs with for a stack: an allow-list, so the age identity, the
 * push token and the other clusters' credentials never reach Terraform, its providers or a
 * provisioner. A Bitcoin-cluster stack gets BITCOIN_NOMAD_TOKEN as its NOMAD_TOKEN, so one
 * shell (or one pipeline) can hold both clusters' tokens and never sends one to the other.
 */
export function terraformEnvironment(cluster: ClusterId | undefined, needs: TerraformNeeds, env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const prefixes = [
    ...BASE_PREFIXES,
    ...needs.providers.flatMap((p) => PROVIDER_PREFIXES[p] ?? []),
    ...(needs.postgres ? POSTGRES_PREFIXES : []),
  ];
  const out: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && (BASE_NAMES.has(name) || prefixes.some((p) => name.startsWith(p)))) out[name] = value;
  }
  if (cluster === "nomad-bitcoin" && needs.providers.includes("nomad")) {
    const token = env[BITCOIN_NOMAD_TOKEN_ENV];
    if (!token) {
      throw new Error(
        `${BITCOIN_NOMAD_TOKEN_ENV} is not set: this stack targets the Bitcoin Nomad cluster, whose ACL token differs from ` +
          `the main cluster's NOMAD_TOKEN. Export it first (a token of the Bitcoin cluster with rights on its namespace)`,
      );
    }
    out.NOMAD_TOKEN = token;
  }
  return out;
}
