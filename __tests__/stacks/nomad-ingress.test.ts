import YAML from "yaml";
import { defaultInventory, parseInventory } from "../../inventory";
import { NomadClusterStack } from "../../stacks/nomad-cluster";
import { NomadIngressStack } from "../../stacks/nomad-ingress";
import { synthApp } from "../helpers/synth";
import { readProvenance } from "../../contracts/stored";

const { files } = synthApp((app) => {
  new NomadClusterStack(app);
  new NomadIngressStack(app);
});
const group = JSON.parse(files["nomad-ingress"]["jobs/traefik.json"]).Job.TaskGroups[0];
const task = group.Tasks[0];
const rendered = (dest: string) => YAML.parse(task.Templates.find((t: any) => t.DestPath === dest).EmbeddedTmpl);
const staticConfig = rendered("local/traefik.yaml");
const dynamic = rendered("local/dynamic/middlewares.yaml");

describe("Traefik on Nomad", () => {
  test("runs the pinned Traefik with its static configuration file", () => {
    // the release whose config structs the stored traefik-config contract was read from (the snapshot has the tag)
    expect(task.Config).toEqual({ image: `docker.io/library/traefik:${readProvenance("traefik-config").ref}`, args: ["--configFile=/local/traefik.yaml"] });
  });

  test("serves only services that opt in, and reaches them through Consul Connect as the traefik service", () => {
    expect(staticConfig.providers.consulCatalog).toEqual({ exposedByDefault: false, connectAware: true, connectByDefault: true, serviceName: "traefik" });
  });

  test("takes TLS from Let's Encrypt with the inventory's account, keeping certificates on the sticky allocation disk", () => {
    expect(staticConfig.certificatesResolvers.letsencrypt.acme).toEqual({
      email: "admin@example.org",
      caServer: "https://acme-v02.api.letsencrypt.org/directory",
      storage: "/alloc/data/acme.json",
      tlsChallenge: {},
    });
    expect(group.EphemeralDisk).toMatchObject({ Sticky: true, Migrate: true });
    expect(staticConfig.entryPoints.websecure.http.tls).toEqual({ certResolver: "letsencrypt" });
    expect(staticConfig.entryPoints.web.http.redirections.entryPoint).toEqual({ to: "websecure", scheme: "https" });
  });

  test("gates with the outposts of the estate's Authentik, through the hosts it publishes them on, and drops X-authentik-* headers clients send", () => {
    const m = dynamic.http.middlewares;
    expect(m["authentik-forward-auth"].forwardAuth.address).toBe("https://authentik.example.org/outpost.goauthentik.io/auth/traefik");
    expect(m["authentik-public-forward-auth"].forwardAuth.address).toBe("https://public-auth.example.org/outpost.goauthentik.io/auth/traefik");
    expect(m["authentik-forward-auth"].forwardAuth.authResponseHeadersRegex).toBe("(?i)^x-authentik-");
    expect(m["strip-authentik-headers"].headers.customRequestHeaders).toMatchObject({ "X-authentik-username": "", "X-authentik-groups": "", "X-authentik-email": "", "X-authentik-uid": "" });
    expect(staticConfig.entryPoints.websecure.http.middlewares).toEqual(["strip-authentik-headers@file"]);
  });

  test("fails if the inventory names an ingress node the cluster does not have", () => {
    const raw = structuredClone(defaultInventory) as any;
    raw.nomad.main.ingress.node = "zeus";
    expect(() => parseInventory(raw, "inventory.yaml")).toThrow(/nomad\.main\.ingress\.node = "zeus": is not a node of this cluster; allowed: hestia, heracles, nyx/);
  });
});
