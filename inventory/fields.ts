import { posix } from "path";
import { z } from "zod";

/**
 * What a valid inventory value looks like, one type per kind of field. Inventory values
 * reach Terraform strings (where `${` and `%{` are live), Nomad jobs (where consul-template
 * reads `{{`) and Vault policies derived from those templates, so every type here admits
 * only the characters its kind needs: none of them can carry `$`, `%`, `{` or `}`. The one
 * free-text field, the kubeconfig context, is escaped where it is used (constructs/providers).
 *
 * Lengths are checked first and abort the field's other checks, so a megabyte of text never
 * reaches a regular expression.
 */

/** A string of at most `max` characters; longer ones are refused before any other check runs. */
export function boundedString(max: number) {
  return z.string().max(max, { abort: true, error: `must be at most ${max} characters` });
}

const LABEL = "[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?";
const DNS_NAME = `${LABEL}(\\.${LABEL})*`;

/** A lowercase ASCII DNS name (look-alike letters from other scripts are not ASCII, so they fail). */
export const dnsName = boundedString(253).regex(new RegExp(`^${DNS_NAME}$`), "must be a lowercase ASCII DNS name such as example.org");

export const hostLabel = boundedString(63).regex(new RegExp(`^${LABEL}$`), "must be a lowercase host name label such as hestia");

/** A Kubernetes namespace name: a DNS label. */
export const namespaceName = boundedString(63).regex(new RegExp(`^${LABEL}$`), "must be a Kubernetes namespace name (a DNS label) such as kube-system");

const IPV4_OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
const IPV4 = `${IPV4_OCTET}(\\.${IPV4_OCTET}){3}`;

/** Not a host's own address: this network (0/8), loopback (127/8), multicast (224/4) and reserved/broadcast (240/4). */
function isUnicastHost(address: string): boolean {
  const first = Number(address.split(".")[0]);
  return first !== 0 && first !== 127 && first < 224;
}

/** A node's IPv4 address: dotted decimal, no leading zeros, a unicast host address. */
export const nodeAddress = boundedString(15)
  .regex(new RegExp(`^${IPV4}$`), { abort: true, error: "must be an IPv4 address such as 192.168.1.5" })
  .refine(isUnicastHost, "must be a host's unicast address (not 0.x.x.x, loopback, multicast or reserved)");

/** An IPv4 address as a number, for ordering (the address is already known to be dotted decimal). */
export function ipv4Number(address: string): number {
  return address.split(".").reduce((n, octet) => n * 256 + Number(octet), 0);
}

/**
 * A block of load-balancer addresses as MetalLB takes it: a CIDR (192.168.20.200/30) or a
 * range (192.168.20.200-192.168.20.210) whose start is not after its end; unicast addresses only.
 */
export const addressRange = boundedString(31)
  .regex(new RegExp(`^${IPV4}(/(3[0-2]|[12][0-9]|[89])|-${IPV4})$`), {
    abort: true,
    error: "must be an IPv4 CIDR such as 192.168.20.200/30 (prefix /8 to /32) or a range such as 192.168.20.200-192.168.20.210",
  })
  .refine((block) => block.split(/[-/]/).filter((part) => part.includes(".")).every(isUnicastHost), {
    abort: true,
    error: "must hold host unicast addresses (not 0.x.x.x, loopback, multicast or reserved)",
  })
  .refine((block) => !block.includes("-") || ipv4Number(block.split("-")[0]) <= ipv4Number(block.split("-")[1]), "has a start after its end");

/** The first and last address of a block, as numbers. */
export function addressBounds(block: string): { first: number; last: number } {
  if (block.includes("-")) {
    const [first, last] = block.split("-").map(ipv4Number);
    return { first, last };
  }
  const [address, prefix] = block.split("/");
  const size = 2 ** (32 - Number(prefix));
  const first = ipv4Number(address) - (ipv4Number(address) % size);
  return { first, last: first + size - 1 };
}

/** An IPv6 address in any of its written forms (hex digits, colons, an embedded IPv4: no template syntax). */
export const ipv6Address = boundedString(45).pipe(z.ipv6({ error: "must be an IPv6 address such as 2001:db8::10" }));

const PORT = "([1-9][0-9]{0,4})";

/** The pattern takes up to five digits; a port is at most 65535. */
function portInRange(url: string): boolean {
  const port = /^https?:\/\/[^/:]+:(\d+)/.exec(url)?.[1];
  return port === undefined || Number(port) <= 65535;
}

/**
 * An http(s) origin, scheme://host[:port], where Terraform reaches an API or Litestream its
 * S3 endpoint. No user, password, path, query or fragment: none of these APIs lives under
 * a path, a credential in a URL would be synthesized into the plan, and the parts a URL
 * may otherwise carry are where template syntax would hide. A trailing "/" is dropped.
 */
export const httpOrigin = boundedString(300)
  .regex(new RegExp(`^https?://(${DNS_NAME}|${IPV4})(:${PORT})?/?$`), {
    abort: true,
    error: "must be an http:// or https:// URL of a host and an optional port only, such as https://vault.example.org:8200 (lowercase; no user, path, query or fragment)",
  })
  .refine(portInRange, "has a port above 65535")
  .transform((url) => url.replace(/\/$/, ""));

/**
 * An OIDC issuer: compared character for character with the `iss` of every token, so it
 * is kept exactly as written (a trailing "/" included). A path of unreserved URL
 * characters may follow the host, without "." or ".." segments; no user, query or fragment.
 */
export const issuerUrl = boundedString(300)
  .regex(new RegExp(`^https?://(${DNS_NAME}|${IPV4})(:${PORT})?(/[A-Za-z0-9._~-]+)*/?$`), {
    abort: true,
    error: "must be an http:// or https:// URL of a host, an optional port and path, such as https://nomad.example.org (lowercase host; no user, query or fragment)",
  })
  .refine(portInRange, { abort: true, error: "has a port above 65535" })
  .refine((url) => !/\/\.{1,2}(\/|$)/.test(url.replace(/^https?:\/\//, "")), 'must not contain "." or ".." path segments');

/**
 * Where images may come from: a registry host (lowercase DNS name, optional port) and
 * optionally a path inside it, e.g. ghcr.io or forgejo.example.org/team. Nothing a Kyverno
 * pattern reads as syntax (`*`, `?`, `|`) and no trailing "/".
 */
export const registryPrefix = boundedString(300).regex(
  new RegExp(`^${DNS_NAME}(:${PORT})?(/[a-z0-9]+([._-][a-z0-9]+)*)*$`),
  "must be an image registry such as ghcr.io or forgejo.example.org/team (lowercase host, optional port and path; no wildcard)",
).refine((prefix) => Number(/:(\d+)/.exec(prefix)?.[1] ?? 0) <= 65535, "has a port above 65535");

/** An http(s) URL of a service endpoint (an ACME directory), by the issuer's rules, kept verbatim. */
export const httpUrl = issuerUrl;

/** An e-mail address with a lowercase ASCII DNS name after the @ (an ACME account's contact). */
export const emailAddress = boundedString(254).regex(
  new RegExp(`^[a-z0-9][a-z0-9._+-]{0,63}@${DNS_NAME}$`),
  "must be a lowercase e-mail address such as admin@example.org",
);

export const port = z.number().int().min(1).max(65535);

/** Nomad region, datacenter, namespace and plugin ids; PostgreSQL database names (63 at most). */
export const identifier = boundedString(63).regex(/^[a-z0-9][a-z0-9_-]*$/, "must be lowercase letters, digits, - or _");

/** A Traefik middleware reference as the router annotation takes it: <namespace>-<name>@<provider>. */
export const middlewareRef = boundedString(300).regex(
  /^[a-z0-9-]+@(kubernetescrd|file)$/,
  "must be a Traefik middleware reference such as traefik-retry@kubernetescrd",
);

/** A Kubernetes annotation key: an optional DNS-name prefix (253), a slash, and a name (63). */
export const annotationKey = boundedString(253 + 1 + 63).regex(
  /^([a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/,
  "must be an annotation key such as uptime.example.org/external-monitor",
);

/**
 * An absolute path on a server, normalized: "//" and a trailing "/" are dropped. "." and
 * ".." segments are refused rather than resolved: a path that climbs is a mistake or an
 * attempt to leave the directory it claims to be in.
 */
export const serverPath = boundedString(1024)
  .regex(/^(\/+[A-Za-z0-9._-]+)+\/*$/, { abort: true, error: "must be an absolute path below /, such as /srv/nfs (letters, digits, ., _, -)" })
  .refine((path) => !path.split("/").some((segment) => segment === "." || segment === ".."), {
    abort: true,
    error: 'must not contain "." or ".." segments',
  })
  .transform((path) => posix.normalize(path).replace(/\/$/, ""));

/** Whether `path` is `root` or lies under it (both normalized). */
export function isWithin(path: string, root: string): boolean {
  return path === root || path.startsWith(`${root}/`);
}

/**
 * The kubeconfig context: the one free-text field, since kubeconfig names are the
 * operator's to choose. Printable ASCII only (no control characters, no look-alike
 * letters that would select a different context); the provider construct escapes it for
 * Terraform, so `${…}` in it is text, never an expression.
 */
export const kubeContext = boundedString(253)
  .min(1, "must not be empty")
  .regex(/^[\x20-\x7e]*$/, "must be printable ASCII (letters, digits, punctuation, spaces)");

/** An IANA time zone name as Nomad's periodic time_zone takes it (Go's time.LoadLocation): UTC, Europe/London, America/Argentina/Salta. */
export const timeZone = boundedString(64).regex(
  /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+){0,2}$/,
  "must be an IANA time zone name such as UTC or Europe/London",
);

/** An S3 bucket name: 3–63 lowercase letters, digits, "." and "-", starting and ending with a letter or digit. */
export const bucketName = boundedString(63).regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "must be an S3 bucket name such as homelab-offsite");
