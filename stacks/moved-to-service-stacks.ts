/**
 * What the shared stacks held for each Nomad service until the service's own stack did: the
 * vault stack each job's Vault policy and JWT role, the consul-mesh stack each destination's
 * intentions. The shared stack forgets each (a `removed`
 * block, destroy = false) and the service's stack imports it (an `import` block), so whichever of
 * the two is applied first, nothing is destroyed, recreated or left without its grant. Once
 * both have been applied everywhere the entries may go; until then keep them (an import of
 * what is already in state, and a removal of what is not, change nothing).
 */

/** A job's grant as the vault stack held it: the two addresses in its state. */
export interface VaultGrantHeldByVault {
  readonly policy: string;
  readonly role: string;
}

/** By job id: the grants the vault stack made (vault/Services/<job>/Policy, vault/NomadJwtAuth/<job>/Role). */
export const VAULT_GRANTS_HELD_BY_VAULT: Readonly<Record<string, VaultGrantHeldByVault>> = {
  appflowy: { policy: "vault_policy.Services_appflowy_Policy_A075438A", role: "vault_jwt_auth_backend_role.NomadJwtAuth_appflowy_Role_EF56FB9E" },
  "backup-daily": { policy: "vault_policy.Services_backup-daily_Policy_A8BFEEAC", role: "vault_jwt_auth_backend_role.NomadJwtAuth_backup-daily_Role_DC39FC8B" },
  "backup-offsite": { policy: "vault_policy.Services_backup-offsite_Policy_A5215605", role: "vault_jwt_auth_backend_role.NomadJwtAuth_backup-offsite_Role_0C89567A" },
  "backup-restic": { policy: "vault_policy.Services_backup-restic_Policy_22107DA1", role: "vault_jwt_auth_backend_role.NomadJwtAuth_backup-restic_Role_F2690336" },
  "backup-weekly": { policy: "vault_policy.Services_backup-weekly_Policy_BFFB2CEC", role: "vault_jwt_auth_backend_role.NomadJwtAuth_backup-weekly_Role_881E7E9C" },
  forgejo: { policy: "vault_policy.Services_forgejo_Policy_5580422A", role: "vault_jwt_auth_backend_role.NomadJwtAuth_forgejo_Role_38F294F5" },
  matrix: { policy: "vault_policy.Services_matrix_Policy_4C975107", role: "vault_jwt_auth_backend_role.NomadJwtAuth_matrix_Role_49A98C39" },
  "media-centre": { policy: "vault_policy.Services_media-centre_Policy_DC458169", role: "vault_jwt_auth_backend_role.NomadJwtAuth_media-centre_Role_542BA049" },
  minio: { policy: "vault_policy.Services_minio_Policy_8A0E31EE", role: "vault_jwt_auth_backend_role.NomadJwtAuth_minio_Role_6FF4F513" },
  ollama: { policy: "vault_policy.Services_ollama_Policy_E5D5A8D1", role: "vault_jwt_auth_backend_role.NomadJwtAuth_ollama_Role_936BB05A" },
  overseerr: { policy: "vault_policy.Services_overseerr_Policy_D9EA1923", role: "vault_jwt_auth_backend_role.NomadJwtAuth_overseerr_Role_21CB7617" },
};

/** By destination: the intentions the consul-mesh stack made (consul-mesh/Intentions/<destination>). */
export const INTENTIONS_HELD_BY_MESH: Readonly<Record<string, string>> = {
  "appflowy-cloud": "consul_config_entry_service_intentions.Intentions_appflowy-cloud_A383CA32",
  "appflowy-postgres": "consul_config_entry_service_intentions.Intentions_appflowy-postgres_A0BBFD77",
  jellyfin: "consul_config_entry_service_intentions.Intentions_jellyfin_2AA916B9",
  "matrix-cinny": "consul_config_entry_service_intentions.Intentions_matrix-cinny_37C040E5",
  "matrix-element": "consul_config_entry_service_intentions.Intentions_matrix-element_BD040DFA",
  "matrix-mas": "consul_config_entry_service_intentions.Intentions_matrix-mas_611718FE",
  "matrix-nginx": "consul_config_entry_service_intentions.Intentions_matrix-nginx_4DC8C3D7",
  "matrix-synapse": "consul_config_entry_service_intentions.Intentions_matrix-synapse_8DB0A86E",
  "matrix-whatsapp": "consul_config_entry_service_intentions.Intentions_matrix-whatsapp_B2176FB2",
  ollama: "consul_config_entry_service_intentions.Intentions_ollama_AB6B6A9F",
  "ollama-postgres": "consul_config_entry_service_intentions.Intentions_ollama-postgres_5DA2EA71",
  plex: "consul_config_entry_service_intentions.Intentions_plex_CB6BC07E",
  searxng: "consul_config_entry_service_intentions.Intentions_searxng_B0734B31",
};
