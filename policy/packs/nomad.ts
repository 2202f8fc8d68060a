import { nomadArchConstraint } from "../rules/nomad-arch-constraint";
import { nomadConnectSidecarMemory } from "../rules/nomad-connect-sidecar-memory";
import { nomadImageDataPaths } from "../rules/nomad-image-data-paths";
import { nomadCsiVolumeNaming } from "../rules/nomad-csi-volume-naming";
import { nomadLitestreamPairing } from "../rules/nomad-litestream-pairing";
import { nomadMemoryMaxOversubscription } from "../rules/nomad-memory-max-oversubscription";
import { nomadMountsDeclaredVolumes } from "../rules/nomad-mounts-declared-volumes";
import { nomadNodePluginSystem } from "../rules/nomad-node-plugin-system";
import { nomadSqliteOffVolumes } from "../rules/nomad-sqlite-off-volumes";
import { nomadVariableReads } from "../rules/nomad-variable-reads";
import { nomadVaultGrants } from "../rules/nomad-vault-grants";
import { nomadVolumeClaims } from "../rules/nomad-volume-claims";
import { nomadVolumeBackup } from "../rules/nomad-volume-backup";
import { Rule } from "../rule";

/** House rules of the Nomad estate. */
export const NOMAD_RULES: readonly Rule[] = [
  nomadConnectSidecarMemory,
  nomadLitestreamPairing,
  nomadSqliteOffVolumes,
  nomadCsiVolumeNaming,
  nomadMountsDeclaredVolumes,
  nomadNodePluginSystem,
  nomadMemoryMaxOversubscription,
  nomadArchConstraint,
  nomadVaultGrants,
  nomadVolumeClaims,
  nomadImageDataPaths,
  nomadVariableReads,
  nomadVolumeBackup,
];
