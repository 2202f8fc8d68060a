export * as traefikIo from "./traefik.io/index";
export * as kyvernoIo from "./kyverno.io/index";
export * as externalSecretsIo from "./external-secrets.io/index";
export * as postgresqlCnpgIo from "./postgresql.cnpg.io/index";
export * as metallbIo from "./metallb.io/index";
export * as monitoringCoreosCom from "./monitoring.coreos.com/index";
