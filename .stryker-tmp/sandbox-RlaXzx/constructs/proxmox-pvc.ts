// @ts-nocheck
import { Construct } from "constructs";
import { ProxmoxClaim, ProxmoxClaimProps } from "./proxmox-claim";
import { ENCRYPTED_SUFFIX } from "./proxmox-claim-template";

export type ProxmoxPvcProps = ProxmoxClaimProps;

/**
 * An unencrypted ReadWriteOnce claim (proxmox-lvm) for non-sensitive state: caches,
 * indexes, app settings. Anything sensitive takes EncryptedPvc; see ProxmoxClaim for the template.
 */
export class ProxmoxPvc extends ProxmoxClaim {
  constructor(scope: Construct, id: string, props: ProxmoxPvcProps) {
    const problem = props.name.endsWith(ENCRYPTED_SUFFIX)
      ? [`claim name ${JSON.stringify(props.name)} ends in "${ENCRYPTED_SUFFIX}" but the claim is not encrypted; use EncryptedPvc, or a name without the suffix`]
      : [];
    super(scope, id, props, "proxmox-lvm", problem);
  }
}
