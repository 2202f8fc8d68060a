import { Construct } from "constructs";
import { AppDeployment } from "../../constructs/app-deployment";
import { EncryptedPvc, EncryptedPvcProps } from "../../constructs/encrypted-pvc";
import { Namespace } from "../../constructs/namespace";
import { ProxmoxPvc } from "../../constructs/proxmox-pvc";
import { resourcesOf, synthWith } from "../helpers/synth";
import { lazy } from "../helpers/lazy";

const base = (scope: Construct): EncryptedPvcProps => ({
  namespace: new Namespace(scope, "Ns", { name: "vault" }),
  app: "vault",
  name: "vault-data-encrypted",
  backup: { cronjob: {} },
});

function claims(stack: any): any[] {
  return Object.values(resourcesOf(stack, "kubernetes_persistent_volume_claim_v1"));
}
const proxmoxClaim = (stack: any) => claims(stack).find((c) => c.spec.storage_class_name.startsWith("proxmox"));

describe("EncryptedPvc follows the template", () => {
  const stack = lazy(() => synthWith((s) => new EncryptedPvc(s, "Data", base(s))));
  const claim = lazy(() => proxmoxClaim(stack()));

  test("RWO on proxmox-lvm-encrypted, 1Gi, name ending -encrypted", () => {
    expect(claim().metadata.name).toBe("vault-data-encrypted");
    expect(claim().spec).toMatchObject({
      access_modes: ["ReadWriteOnce"],
      storage_class_name: "proxmox-lvm-encrypted",
      resources: { requests: { storage: "1Gi" } },
    });
  });

  test("autoresizer annotations with the default 5Gi limit", () => {
    expect(claim().metadata.annotations).toMatchObject({
      "resize.topolvm.io/threshold": "10%",
      "resize.topolvm.io/increase": "100%",
      "resize.topolvm.io/storage_limit": "5Gi",
    });
  });

  test("does not wait for binding, ignores the request the autoresizer grows, prevents destroy", () => {
    expect(claim().wait_until_bound).toBe(false);
    expect(claim().lifecycle).toEqual({ prevent_destroy: true, ignore_changes: ["spec[0].resources[0].requests"] });
  });

  test("backup cronjob: a CronJob archives the claim to NFS <backupRoot>/<app>-backup (the Proxmox host's /srv/nfs) on the app's node", () => {
    const cron = Object.values(resourcesOf(stack(), "kubernetes_cron_job_v1"))[0] as any;
    const pod = cron.spec.job_template.spec.template.spec;
    expect(pod.volume.map((v: any) => v.persistent_volume_claim.claim_name)).toEqual([
      expect.stringMatching(/kubernetes_persistent_volume_claim_v1\.Data_\w+\.metadata\[0\]\.name/),
      expect.stringMatching(/kubernetes_persistent_volume_claim_v1\.Data_Backup_Target_Claim_\w+\.metadata\[0\]\.name/),
    ]);
    expect(pod.container[0].volume_mount).toEqual([
      { name: "vault-data-encrypted", mount_path: "/data", read_only: true },
      { name: "vault-backup", mount_path: "/backup", read_only: false },
    ]);
    expect(pod.affinity.pod_affinity.required_during_scheduling_ignored_during_execution[0]).toEqual({
      topology_key: "kubernetes.io/hostname",
      label_selector: [{ match_labels: { "app.kubernetes.io/name": "vault" } }],
    });
    expect(cron.spec.job_template.spec.template.metadata.labels["app.kubernetes.io/name"]).toBe("vault-backup");
    const pv = Object.values(resourcesOf(stack(), "kubernetes_persistent_volume_v1"))[0] as any;
    expect(pv.spec[0].persistent_volume_source.nfs).toEqual({ server: "proxmox.home.arpa", path: "/srv/nfs/vault-backup" });
    expect(claim().metadata.annotations["homelab.backup/mode"]).toBe("cronjob");
  });

  test("backup none records the reason and creates no CronJob", () => {
    const none = synthWith((s) => new EncryptedPvc(s, "Data", { ...base(s), backup: { none: "scratch data, rebuilt on start" } }));
    expect(resourcesOf(none, "kubernetes_cron_job_v1")).toEqual({});
    expect(proxmoxClaim(none).metadata.annotations).toMatchObject({
      "homelab.backup/mode": "none",
      "homelab.backup/reason": "scratch data, rebuilt on start",
    });
  });

  test("a workload mounting it gets the Recreate strategy", () => {
    const s = synthWith((scope) => {
      const props = base(scope);
      const data = new EncryptedPvc(scope, "Data", props);
      new AppDeployment(scope, "App", {
        namespace: props.namespace,
        name: "vault",
        containers: [{ name: "vault", image: "docker.io/hashicorp/vault:1.20.4", cpuMillis: 100, memoryMiB: 256, mounts: [{ volume: data, path: "/vault" }] }],
        metrics: { none: "a test fixture without metrics" },
        uptime: { none: "a test fixture without a Service" },
      });
    });
    const deployment = Object.values(resourcesOf(s, "kubernetes_deployment_v1"))[0] as any;
    expect(deployment.spec.strategy).toEqual({ type: "Recreate" });
  });
});

describe("bad claims fail with the path, the value and what is allowed", () => {
  test("fails if the name does not end in -encrypted", () => {
    expect(() => synthWith((s) => new EncryptedPvc(s, "Data", { ...base(s), name: "vault-data" }))).toThrow(
      /test\/Data: claim name "vault-data" must end in "-encrypted", e\.g\. "vault-data-encrypted"/,
    );
  });

  test("fails if the storage limit is below the request", () => {
    expect(() => synthWith((s) => new EncryptedPvc(s, "Data", { ...base(s), sizeGiB: 10, storageLimitGiB: 5 }))).toThrow(
      /test\/Data: storageLimitGiB 5 is below sizeGiB 10; allowed: a limit at or above the request/,
    );
  });

  test("fails if the storage limit is zero", () => {
    expect(() => synthWith((s) => new EncryptedPvc(s, "Data", { ...base(s), storageLimitGiB: 0 }))).toThrow(
      /storageLimitGiB 0 must be a whole number of at least 1: the autoresizer needs a non-zero limit/,
    );
  });

  test("fails if backup none has no real reason", () => {
    expect(() => synthWith((s) => new EncryptedPvc(s, "Data", { ...base(s), backup: { none: "meh" } }))).toThrow(
      /backup none needs a reason of 10\+ characters .*got "meh"/,
    );
  });

  test("fails if the backup schedule is not cron", () => {
    expect(() => synthWith((s) => new EncryptedPvc(s, "Data", { ...base(s), backup: { cronjob: { schedule: "daily" } } }))).toThrow(
      /test\/Data\/Backup: schedule "daily" must be a five-field cron expression/,
    );
  });

  test("fails if a ProxmoxPvc claims to be encrypted by its name", () => {
    expect(() => synthWith((s) => new ProxmoxPvc(s, "Data", base(s)))).toThrow(
      /claim name "vault-data-encrypted" ends in "-encrypted" but the claim is not encrypted/,
    );
  });

  test("fails if a Deployment with an RWO claim asks for more than one replica", () => {
    expect(() =>
      synthWith((scope) => {
        const props = base(scope);
        const data = new EncryptedPvc(scope, "Data", props);
        new AppDeployment(scope, "App", {
          namespace: props.namespace,
          name: "vault",
          replicas: 2,
          containers: [{ name: "vault", image: "docker.io/hashicorp/vault:1.20.4", cpuMillis: 100, memoryMiB: 256, mounts: [{ volume: data, path: "/vault" }] }],
          metrics: { none: "a test fixture without metrics" },
          uptime: { none: "a test fixture without a Service" },
        });
      }),
    ).toThrow(/test\/App: replicas 2 with ReadWriteOnce claim .*allowed: replicas 0 or 1/);
  });
});

test("ProxmoxPvc uses proxmox-lvm with the same template", () => {
  const stack = synthWith((s) => new ProxmoxPvc(s, "Cache", { ...base(s), name: "vault-cache", backup: { none: "cache, rebuilt from upstream" } }));
  const claim = proxmoxClaim(stack);
  expect(claim.spec.storage_class_name).toBe("proxmox-lvm");
  expect(claim.wait_until_bound).toBe(false);
  expect(claim.metadata.annotations["resize.topolvm.io/storage_limit"]).toBe("5Gi");
});
