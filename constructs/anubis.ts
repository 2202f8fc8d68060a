import { Token } from "cdktf";
import { Construct } from "constructs";
import { Anubis as AnubisModule } from "../.gen/modules/anubis";
import type { ServiceBackend } from "./app-deployment";
import { ExternalSecret } from "./external-secret";
import { HomelabStack } from "./homelab-stack";
import { KUBERNETES_IMAGES } from "./kubernetes-images";
import { dnsLabelProblem, throwIfProblems } from "./kubernetes-names";
import type { ServiceSecrets } from "./service-secrets";

/** modules/anubis as Terraform sees it from cdktf.out/stacks/<stack>/ (see tier0StatePath). */
export const ANUBIS_MODULE_FROM_STACK_DIR = "../../../modules/anubis";

/**
 * The ed25519 key every Anubis signs its tokens with, in Vault: one key, so a token one site
 * issued is valid on all of them. A service fronted by Anubis declares this path among its reads.
 */
export const ANUBIS_SIGNING_KEY = { path: "anubis", property: "anubis_ed25519_key" } as const;

/** How long a solved challenge lets a browser in (Anubis's own default is 7 days). */
export const ANUBIS_TOKEN_LIFETIME = "720h";

export interface AnubisProps {
  /** The bare backend Anubis protects. */
  readonly target: ServiceBackend;
  /** Name of Anubis's Deployment and Service, e.g. "blog-anubis". */
  readonly name: string;
  /** The fronted service's declared secrets, which include ANUBIS_SIGNING_KEY.path. */
  readonly secrets: ServiceSecrets;
  /** @default 4 */
  readonly difficulty?: number;
}

/**
 * An Anubis proof-of-work proxy in front of one backend, from the HCL module in
 * modules/anubis through its generated bindings (.gen). Always one replica: challenges live
 * in process memory. Its tokens are signed with the shared key from Vault and its cookie is
 * set on the parent domain for 30 days, so one solve covers every Anubis-fronted site.
 */
export class Anubis extends Construct {
  /** Anubis's own Service: what the ingress routes to instead of the bare backend. */
  readonly backend: ServiceBackend;

  constructor(scope: Construct, id: string, props: AnubisProps) {
    super(scope, id);
    const difficulty = props.difficulty ?? 4;
    throwIfProblems(this.node.path, [
      dnsLabelProblem("anubis name", props.name),
      Number.isInteger(difficulty) && difficulty >= 1 && difficulty <= 8
        ? undefined
        : `difficulty ${difficulty} must be a whole number from 1 to 8`,
    ]);
    const { namespace, serviceName, port } = props.target;
    const signingKey = new ExternalSecret(this, "SigningKey", {
      namespace: { name: namespace },
      name: `${props.name}-signing-key`,
      secrets: props.secrets,
      keys: { ED25519_PRIVATE_KEY_HEX: ANUBIS_SIGNING_KEY },
    });
    const module = new AnubisModule(this, "Module", {
      providers: [HomelabStack.of(this).provider("kubernetes", this)],
      name: props.name,
      image: KUBERNETES_IMAGES.anubis.ref,
      namespace,
      targetUrl: `http://${serviceName}.${namespace}.svc.cluster.local:${port}`,
      difficulty,
      cookieDomain: HomelabStack.of(this).inventory.domains.public,
      cookieExpiration: ANUBIS_TOKEN_LIFETIME,
      signingKeySecret: signingKey.secretName,
      // No asset copy (that needs the cdktf CLI's context): Terraform runs in
      // cdktf.out/stacks/<stack>/, so the module is reached from there, like tier-0 state.
      skipAssetCreationFromLocalModules: true,
    });
    module.addOverride("source", ANUBIS_MODULE_FROM_STACK_DIR);
    this.backend = { namespace, serviceName: module.serviceNameOutput, port: Token.asNumber(module.servicePortOutput) };
  }
}
