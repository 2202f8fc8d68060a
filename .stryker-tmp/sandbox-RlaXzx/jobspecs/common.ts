/**
 * Small pieces every job uses: checks, restart and update policies, placement
 * constraints, and templates that pull secrets from Vault or Nomad variables at run time.
 */
// @ts-nocheck

import YAML from "yaml";
import { minutes, seconds } from "./duration";
import { connectService } from "./connect";
import { IMAGES, imageRef } from "./images";
import { Constraint, RestartPolicy, ServiceCheck, TaskGroup, Template, UpdateStrategy } from "./model";

/** What a jobspec needs from the estate to be built; stacks fill it from the inventory. */
export interface JobContext {
  readonly datacenters: readonly string[];
}

export const DEFAULT_RESTART: RestartPolicy = { Attempts: 3, Interval: minutes(5), Delay: seconds(15), Mode: "fail" };

/** Deploy one allocation at a time; roll back a deployment whose checks never pass. */
export const DEFAULT_UPDATE: UpdateStrategy = {
  MaxParallel: 1,
  HealthCheck: "checks",
  MinHealthyTime: seconds(10),
  HealthyDeadline: minutes(5),
  ProgressDeadline: minutes(10),
  AutoRevert: true,
};

export function httpCheck(path: string, portLabel?: string): ServiceCheck {
  return { Type: "http", Path: path, PortLabel: portLabel, Interval: seconds(15), Timeout: seconds(5) };
}

export function tcpCheck(portLabel?: string): ServiceCheck {
  return { Type: "tcp", PortLabel: portLabel, Interval: seconds(15), Timeout: seconds(5) };
}

export function archConstraint(arch: "amd64" | "arm64"): Constraint {
  return { LTarget: "${attr.cpu.arch}", Operand: "=", RTarget: arch };
}

export function nodeConstraint(nodeName: string): Constraint {
  return { LTarget: "${node.unique.name}", Operand: "=", RTarget: nodeName };
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const FIELD = /^[A-Za-z_][A-Za-z0-9_]*$/;
const PATH = /^[a-z0-9][a-z0-9_-]*(\/[a-z0-9][a-z0-9_.-]*)+$/;

function checkSecretRef(kind: string, path: string, fields: Readonly<Record<string, string>>): void {
  const bad = [
    ...(PATH.test(path) ? [] : [`path ${JSON.stringify(path)} must look like a/b/c`]),
    ...Object.entries(fields).flatMap(([env, field]) => [
      ...(ENV_NAME.test(env) ? [] : [`variable ${JSON.stringify(env)} must be an environment variable name (letters, digits, _)`]),
      ...(FIELD.test(field) ? [] : [`field ${JSON.stringify(field)} must be an identifier`]),
    ]),
  ];
  if (bad.length) throw new Error(`${kind} template: ${bad.join("; ")}`);
}

/**
 * Environment variables read from a Vault KV v2 secret when Nomad renders the template
 * (the task needs a `Vault` block). `fields` maps variable name to key in the secret.
 */
export function vaultEnv(path: string, fields: Readonly<Record<string, string>>, destName = "vault"): Template {
  checkSecretRef("vault", path, fields);
  const lines = Object.entries(fields).map(([env, field]) => `${env}={{ .Data.data.${field} }}`);
  return {
    EmbeddedTmpl: `{{ with secret ${JSON.stringify(path)} }}\n${lines.join("\n")}\n{{ end }}\n`,
    DestPath: `secrets/${destName}.env`,
    Envvars: true,
    ChangeMode: "restart",
    Perms: "0400",
  };
}

/** Environment variables read from a Nomad variable when Nomad renders the template. */
export function nomadVarEnv(path: string, fields: Readonly<Record<string, string>>, destName = "nomadvar"): Template {
  checkSecretRef("nomadVar", path, fields);
  const lines = Object.entries(fields).map(([env, field]) => `${env}={{ .${field} }}`);
  return {
    EmbeddedTmpl: `{{ with nomadVar ${JSON.stringify(path)} }}\n${lines.join("\n")}\n{{ end }}\n`,
    DestPath: `secrets/${destName}.env`,
    Envvars: true,
    ChangeMode: "restart",
    Perms: "0400",
  };
}

/** A Go-template expression reading one key of a Vault KV v2 secret, for use inside rendered files. */
export function vaultValue(path: string, field: string): string {
  checkSecretRef("vault", path, { VALUE: field });
  return `{{ with secret ${JSON.stringify(path)} }}{{ .Data.data.${field} }}{{ end }}`;
}

/**
 * YAML text from an object, with the YAML library: no line folding (a folded line would
 * split a template expression). `quoteStrings` single-quotes every string so Go template
 * expressions inside values survive as text.
 */
export function toYaml(content: object, quoteStrings = false): string {
  return YAML.stringify(content, {
    lineWidth: 0,
    ...(quoteStrings ? { defaultStringType: "QUOTE_SINGLE" as const, defaultKeyType: "PLAIN" as const } : {}),
  });
}

/** A YAML file rendered from an object (strings single-quoted, so template expressions survive). */
export function yamlFile(destPath: string, content: object, changeMode: "restart" | "noop" = "restart"): Template {
  return { EmbeddedTmpl: toYaml(content, true), DestPath: destPath, ChangeMode: changeMode };
}

/** A JSON file rendered from an object. */
export function jsonFile(destPath: string, content: object): Template {
  return { EmbeddedTmpl: `${JSON.stringify(content, null, 2)}\n`, DestPath: destPath, ChangeMode: "restart" };
}

/** PostgreSQL's port, inside the group and as the Connect upstream's local port. */
export const POSTGRES_PORT = 5432;

export interface PostgresGroupOptions {
  /** Connect service name, e.g. "appflowy-postgres"; clients list it as an upstream. */
  readonly service: string;
  readonly user: string;
  readonly database: string;
  /** Vault KV path holding postgres_password. */
  readonly secretsPath: string;
}

/** The postgres image's PGDATA, and where the stack mounts the data volume. */
export const POSTGRES_DATA_DIR = "/var/lib/postgresql/data";

/**
 * A PostgreSQL group reached only through Connect; the stack mounts its data volume at
 * POSTGRES_DATA_DIR. PGDATA stays the image's own (the volume's root), so a cluster already
 * there is found; were it anywhere else, initdb would refuse the non-empty directory and the
 * task fail loudly, rather than start an empty database. The password is rendered from
 * Vault at run time.
 */
export function postgresGroup(options: PostgresGroupOptions): TaskGroup {
  return {
    Name: "postgres",
    Count: 1,
    Networks: [{ Mode: "bridge" }],
    Services: [connectService({ name: options.service, port: POSTGRES_PORT })],
    RestartPolicy: DEFAULT_RESTART,
    Update: DEFAULT_UPDATE,
    Tasks: [
      {
        Name: "postgres",
        Driver: "docker",
        Config: { image: imageRef(IMAGES.postgres) },
        Env: { POSTGRES_USER: options.user, POSTGRES_DB: options.database },
        Vault: { ChangeMode: "restart" },
        Templates: [vaultEnv(options.secretsPath, { POSTGRES_PASSWORD: "postgres_password" })],
        Resources: { CPU: 500, MemoryMB: 512, MemoryMaxMB: 1024 },
      },
    ],
  };
}
