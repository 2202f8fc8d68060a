/**
 * The last line of defence for what the operations scripts print: an error may quote
 * something it received (a library's message, Terraform's stderr). Before it is shown, age
 * identities, passwords in connection strings and the values of secret-bearing environment
 * variables are replaced by what they are.
 */
// @ts-nocheck


/** Environment variables whose values are secrets, by name. */
const SECRET_NAME = /(TOKEN|SECRET|PASSWORD|PASSWD|CONN_STR|IDENTITY|PRIVATE|CREDENTIAL|KUBECONFIG_DATA|API_KEY)/i;
/** …except those naming a place (AGE_IDENTITY_FILE is a path, shown so the operator can fix it). */
const LOCATION_NAME = /_(FILE|PATH|DIR)$/i;
/** Shorter values are too likely to occur by chance in a message (e.g. "1"). */
const MIN_SECRET_LENGTH = 6;

/** An identity, whole or mistyped; not the bare "AGE-SECRET-KEY-1…" of a hint. */
const AGE_IDENTITY = /AGE-(SECRET-KEY|PLUGIN)-[0-9A-Z-]*1[0-9A-Z]{16,}/gi;
/** scheme://user:password@ — the password, unless it is a placeholder like <password>. */
const URL_PASSWORD = /([a-z][a-z0-9+.-]*:\/\/[^\s:/@]*):([^\s@/<>]+)@/gi;

export function redact(text: string, env: NodeJS.ProcessEnv = process.env): string {
  let out = text;
  const secrets = Object.entries(env)
    .filter(([name, value]) => SECRET_NAME.test(name) && !LOCATION_NAME.test(name) && value && value.length >= MIN_SECRET_LENGTH)
    .sort(([, a], [, b]) => b!.length - a!.length); // longest first: one value may contain another
  for (const [name, value] of secrets) out = out.split(value!).join(`<${name}, not shown>`);
  return out.replace(AGE_IDENTITY, "<an age identity, not shown>").replace(URL_PASSWORD, "$1:<not shown>@");
}

/** Wraps a script's main so any error it throws is shown redacted. */
export function redactingErrors<T>(main: () => Promise<T>): () => Promise<T> {
  return () =>
    main().catch((err: unknown) => {
      const e = err instanceof Error ? err : new Error(String(err));
      e.message = redact(e.message);
      throw e;
    });
}
