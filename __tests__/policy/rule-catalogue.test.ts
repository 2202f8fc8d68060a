/**
 * What the operator reads about each rule: its row in the README's rule table (id, level,
 * whether it can be acknowledged, what it demands), and the fix a finding carries, which must
 * name the way out. Mutation testing of policy/rules runs these tests only: without them a
 * rule could lose its description, level or fix and no policy test would notice.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { ALL_RULES } from "../../policy/packs";
import { repoRoot } from "../../scripts/repo-root";

const readme = readFileSync(join(repoRoot(), "README.md"), "utf8");

test.each(ALL_RULES.map((r) => [r.id, r] as const))("the README's rule table shows %s with its level and description", (_id, rule) => {
  const level = `${rule.level}${rule.acknowledgeable === false ? " (no acknowledgement)" : ""}`;
  expect(readme).toContain(`\n| ${rule.id} | ${level} | ${rule.description} |\n`);
});

/** What each rule's fix must name: the construct, helper, setting or command that fixes it. */
const FIX_NAMES: Readonly<Record<string, readonly string[]>> = {
  "HL-STATE-1": ["synth adds prevent_destroy to every stateful kind", "acknowledge HL-STATE-1 on the construct with the reason"],
  "HL-STATE-2": ["HomelabStack", "tier (0 = bootstrap, 1 = PostgreSQL state)"],
  "HL-STATE-3": ["declareMove", "declareRemoval", "npm run addresses"],
  "HL-IMAGE-1": ["exact version tag", "@sha256:"],
  "HL-SECRET-1": ["Vault", "ExternalSecret", "sensitive"],
  "HL-JOB-1": ["jobspecs/", "NomadJob"],
  "HL-JOB-2": ["EmbeddedTmpl"],
  "HL-INGRESS-1": ["IngressFactory", "need a reason"],
  "HL-NOMAD-1": ["connectService()"],
  "HL-NOMAD-2": ["LitestreamSidecar"],
  "HL-NOMAD-3": ["/alloc/data/", "LitestreamSidecar"],
  "HL-NOMAD-4": ["GlusterCsiVolume", "NomadCsiVolume"],
  "HL-NOMAD-5": ["group.mount(volume"],
  "HL-NOMAD-6": ['Type "system"', "privileged: true", "--csi-name or --drivername"],
  "HL-NOMAD-7": ["NomadSchedulerConfig", "drop memory_max"],
  "HL-NOMAD-8": ["archConstraint(<arch>)", "jobspecs/images.ts"],
  "HL-NOMAD-9": ["NomadJob", "vault.grantNomadJob(job)"],
  "HL-NOMAD-10": ["one group", "multi-node mode"],
  "HL-NOMAD-11": ["the image's data path", "acknowledge with where it is"],
  "HL-NOMAD-12": ["nomad/jobs/<job>", "NomadJobVariableReader"],
  "HL-BACKUP-1": ["backup: { plans:", "{ none:", "NomadBackupsStack"],
  "HL-ROUTE-1": ["NomadRoute", "need a reason"],
  "HL-MESH-1": ["MeshEdges", "intentionsFor(app)"],
  "HL-K8S-1": ["AppDeployment", "Recreate"],
  "HL-K8S-2": ["EncryptedPvc or ProxmoxPvc"],
  "HL-K8S-3": ["cpuMillis", "drop limits.cpu"],
  "HL-K8S-4": ["memoryMiB", "limits.memory"],
  "HL-K8S-5": ["exact release"],
  "HL-K8S-6": ["KyvernoDnsConfigAspect"],
  "HL-K8S-7": ["EncryptedPvc or ProxmoxPvc"],
  "HL-K8S-8": ["backup: { cronjob: {} }", 'backup: { none: "<reason>" }'],
  "HL-K8S-9": ["IngressFactory", "TLS"],
  "HL-K8S-10": ["IngressFactory", "annotation"],
  "HL-K8S-11": ["ServiceSecretsDeclaration"],
  "HL-K8S-12": ["KYVERNO_FAILURE_POLICY", "acknowledge HL-K8S-12"],
  "HL-K8S-13": ["drop the host access", "excluded namespace"],
  "HL-K8S-14": ['NO_CHOWN: "true"'],
  "HL-K8S-15": ['metrics: { port: "<container port>" }', 'uptime: { none: "<reason>" }'],
  "HL-K8S-16": ["depend on the stack that makes the middleware"],
};

test.each(Object.entries(FIX_NAMES))("the fix of %s names the way out", (id, names) => {
  const rule = ALL_RULES.find((r) => r.id === id);
  expect(rule).toBeDefined();
  for (const name of names) expect(rule?.fix).toContain(name);
});
