import { defaultInventory, parseInventory } from "../../inventory";
import { MetallbStack, metallbAddressAnnotations, TRAEFIK_ADDRESS_POOL } from "../../stacks/metallb";
import { chartFindings, release } from "../helpers/releases";
import { resourcesOf, synthApp, testInventory } from "../helpers/synth";
import { readProvenance } from "../../contracts/stored";

describe("metallb stack", () => {
  const { stacks, report } = synthApp((app) => new MetallbStack(app));
  const m = stacks.metallb;
  const manifests = Object.values(resourcesOf(m, "kubernetes_manifest")) as any[];
  const pools = manifests.filter((r) => r.manifest.kind === "IPAddressPool").map((r) => r.manifest);

  test("tier 0: local state (Traefik, and through it Vault, need its addresses while PostgreSQL is down)", () => {
    expect(m.terraform.backend).toEqual({ local: { path: "../../../state/metallb.tfstate" } });
  });

  test("no rule finding", () => {
    expect(report.findings.filter((f) => f.stackId === "metallb")).toEqual([]);
  });

  test("the chart pinned as the operator runs it, layer 2 only (no FRR)", () => {
    const { body, values } = release(m, "metallb");
    expect([body.chart, body.version]).toEqual(["metallb", readProvenance("helm-chart-metallb").version]);
    expect(values.speaker.frr).toEqual({ enabled: false });
  });

  test("one auto-assigned pool per inventory pool, with its addresses", () => {
    for (const wanted of testInventory.kubernetes.metallb.addressPools) {
      expect(pools.find((p) => p.metadata.name === wanted.name)?.spec).toEqual({ addresses: wanted.addresses, autoAssign: true });
    }
  });

  test("Traefik's address is a pool of its own that MetalLB never hands out unasked", () => {
    const traefik = pools.find((p) => p.metadata.name === "traefik");
    expect(traefik.spec).toEqual({ addresses: [`${testInventory.kubernetes.traefik.loadBalancerAddress}/32`], autoAssign: false });
    expect(metallbAddressAnnotations(TRAEFIK_ADDRESS_POOL, "192.168.20.203")).toEqual({
      "metallb.io/address-pool": "traefik",
      "metallb.io/loadBalancerIPs": "192.168.20.203",
    });
  });

  test("every pool is announced on layer 2, and every custom resource waits for the release", () => {
    const l2 = manifests.find((r) => r.manifest.kind === "L2Advertisement");
    expect(l2.manifest.spec.ipAddressPools.sort()).toEqual(pools.map((p) => p.metadata.name).sort());
    for (const r of manifests) expect(r.depends_on).toEqual([expect.stringMatching(/^helm_release\.Release_/)]);
  });

  test("fails if an inventory pool takes the name of Traefik's pool", () => {
    const inventory = structuredClone(testInventory);
    (inventory.kubernetes.metallb.addressPools[0] as { name: string }).name = "traefik";
    expect(() => synthApp((app) => new MetallbStack(app), { inventory })).toThrow(
      /^metallb: inventory kubernetes\.metallb\.addressPools names a pool "traefik", the name of Traefik's own pool; allowed: any other name$/,
    );
  });

  test("the inventory refuses Traefik's address inside a shared pool, and pools that overlap", () => {
    const raw = structuredClone(defaultInventory) as any;
    raw.kubernetes.traefik.loadBalancerAddress = "192.168.20.201";
    raw.kubernetes.metallb.addressPools.push({ name: "more", addresses: ["192.168.20.208/29"] });
    expect(() => parseInventory(raw, "test")).toThrow(
      new RegExp(
        [
          'kubernetes\\.traefik\\.loadBalancerAddress = "192\\.168\\.20\\.201": lies in 192\\.168\\.20\\.200-192\\.168\\.20\\.202 of MetalLB pool default, which would hand it to other services; allowed: an address outside kubernetes\\.metallb\\.addressPools',
          'kubernetes\\.metallb\\.addressPools\\[1\\]\\.addresses\\[0\\] = "192\\.168\\.20\\.208/29": overlaps 192\\.168\\.20\\.204-192\\.168\\.20\\.220',
        ].join("|"),
      ),
    );
  });

  test("the chart's contract catches a value MetalLB 0.15.3 does not have", () => {
    const findings = chartFindings({ repository: "https://metallb.github.io/metallb", chart: "metallb", version: "0.15.3", values: { speaker: { frrr: { enabled: false } } } });
    expect(findings).toEqual([expect.stringMatching(/\.values\.speaker\.frrr\.enabled: false is not a value of chart metallb 0\.15\.3: no default and no template reads it/)]);
  });
});
