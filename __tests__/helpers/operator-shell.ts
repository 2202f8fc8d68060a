/** What an operator's shell (or the deploy pipeline's apply step) holds. */
export const SHELL = {
  PATH: "/usr/bin",
  HOME: "/home/op",
  LANG: "C.UTF-8",
  TF_IN_AUTOMATION: "1",
  TF_VAR_region: "eu",
  NOMAD_TOKEN: "main-token",
  BITCOIN_NOMAD_TOKEN: "btc-token",
  VAULT_TOKEN: "vault-token",
  CONSUL_HTTP_TOKEN: "consul-token",
  KUBE_CONFIG_PATH: "/home/op/.kube/config",
  KUBECONFIG_DATA: "apiVersion: v1",
  PG_CONN_STR: "postgres://u:p@db/terraform_state",
  AGE_IDENTITY: "AGE-SECRET-KEY-1...",
  AGE_IDENTITY_FILE: "/home/op/age.key",
  GIT_PUSH_TOKEN: "push-token",
  NPM_CONFIG_USERCONFIG: "/home/op/.npmrc",
};
