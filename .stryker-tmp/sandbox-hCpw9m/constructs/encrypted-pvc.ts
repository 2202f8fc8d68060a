// @ts-nocheck
import { Construct } from "constructs";
import { ProxmoxClaim, ProxmoxClaimProps } from "./proxmox-claim";
import { ENCRYPTED_SUFFIX } from "./proxmox-claim-template";

export type EncryptedPvcProps = ProxmoxClaimProps;

/**
 * A LUKS-encrypted ReadWriteOnce claim (proxmox-lvm-encrypted) for anything sensitive:
 * databases, auth, passwords, mail, git, health or financial data. Its name ends in
 * "-encrypted"; see ProxmoxClaim for the template.
 */
export class EncryptedPvc extends ProxmoxClaim {
  constructor(scope: Construct, id: string, props: EncryptedPvcProps) {
    const problem = props.name.endsWith(ENCRYPTED_SUFFIX)
      ? []
      : [`claim name ${JSON.stringify(props.name)} must end in "${ENCRYPTED_SUFFIX}", e.g. ${JSON.stringify(`${props.name}${ENCRYPTED_SUFFIX}`)}`];
    super(scope, id, props, "proxmox-lvm-encrypted", problem);
  }
}
