import { IObjectMeta } from "@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta";
import { Model, ModelData, setValidateFunc, createTypeMetaGuard } from "@kubernetes-models/base";
import { ValidateFunc } from "@kubernetes-models/validate";
import { validate } from "../../_schemas/PostgresqlCnpgIoV1Cluster";

export interface ICluster {
  "apiVersion": "postgresql.cnpg.io/v1";
  "kind": "Cluster";
  "metadata": IObjectMeta;
  "spec": {
    "affinity"?: {
      "additionalPodAffinity"?: {
        "preferredDuringSchedulingIgnoredDuringExecution"?: Array<{
          "podAffinityTerm": {
            "labelSelector"?: {
              "matchExpressions"?: Array<{
                "key": string;
                "operator": string;
                "values"?: Array<string>;
              }>;
              "matchLabels"?: {
                [key: string]: string;
              };
            };
            "matchLabelKeys"?: Array<string>;
            "mismatchLabelKeys"?: Array<string>;
            "namespaceSelector"?: {
              "matchExpressions"?: Array<{
                "key": string;
                "operator": string;
                "values"?: Array<string>;
              }>;
              "matchLabels"?: {
                [key: string]: string;
              };
            };
            "namespaces"?: Array<string>;
            "topologyKey": string;
          };
          "weight": number;
        }>;
        "requiredDuringSchedulingIgnoredDuringExecution"?: Array<{
          "labelSelector"?: {
            "matchExpressions"?: Array<{
              "key": string;
              "operator": string;
              "values"?: Array<string>;
            }>;
            "matchLabels"?: {
              [key: string]: string;
            };
          };
          "matchLabelKeys"?: Array<string>;
          "mismatchLabelKeys"?: Array<string>;
          "namespaceSelector"?: {
            "matchExpressions"?: Array<{
              "key": string;
              "operator": string;
              "values"?: Array<string>;
            }>;
            "matchLabels"?: {
              [key: string]: string;
            };
          };
          "namespaces"?: Array<string>;
          "topologyKey": string;
        }>;
      };
      "additionalPodAntiAffinity"?: {
        "preferredDuringSchedulingIgnoredDuringExecution"?: Array<{
          "podAffinityTerm": {
            "labelSelector"?: {
              "matchExpressions"?: Array<{
                "key": string;
                "operator": string;
                "values"?: Array<string>;
              }>;
              "matchLabels"?: {
                [key: string]: string;
              };
            };
            "matchLabelKeys"?: Array<string>;
            "mismatchLabelKeys"?: Array<string>;
            "namespaceSelector"?: {
              "matchExpressions"?: Array<{
                "key": string;
                "operator": string;
                "values"?: Array<string>;
              }>;
              "matchLabels"?: {
                [key: string]: string;
              };
            };
            "namespaces"?: Array<string>;
            "topologyKey": string;
          };
          "weight": number;
        }>;
        "requiredDuringSchedulingIgnoredDuringExecution"?: Array<{
          "labelSelector"?: {
            "matchExpressions"?: Array<{
              "key": string;
              "operator": string;
              "values"?: Array<string>;
            }>;
            "matchLabels"?: {
              [key: string]: string;
            };
          };
          "matchLabelKeys"?: Array<string>;
          "mismatchLabelKeys"?: Array<string>;
          "namespaceSelector"?: {
            "matchExpressions"?: Array<{
              "key": string;
              "operator": string;
              "values"?: Array<string>;
            }>;
            "matchLabels"?: {
              [key: string]: string;
            };
          };
          "namespaces"?: Array<string>;
          "topologyKey": string;
        }>;
      };
      "enablePodAntiAffinity"?: boolean;
      "nodeAffinity"?: {
        "preferredDuringSchedulingIgnoredDuringExecution"?: Array<{
          "preference": {
            "matchExpressions"?: Array<{
              "key": string;
              "operator": string;
              "values"?: Array<string>;
            }>;
            "matchFields"?: Array<{
              "key": string;
              "operator": string;
              "values"?: Array<string>;
            }>;
          };
          "weight": number;
        }>;
        "requiredDuringSchedulingIgnoredDuringExecution"?: {
          "nodeSelectorTerms": Array<{
            "matchExpressions"?: Array<{
              "key": string;
              "operator": string;
              "values"?: Array<string>;
            }>;
            "matchFields"?: Array<{
              "key": string;
              "operator": string;
              "values"?: Array<string>;
            }>;
          }>;
        };
      };
      "nodeSelector"?: {
        [key: string]: string;
      };
      "podAntiAffinityType"?: string;
      "tolerations"?: Array<{
        "effect"?: string;
        "key"?: string;
        "operator"?: string;
        "tolerationSeconds"?: number;
        "value"?: string;
      }>;
      "topologyKey"?: string;
    };
    "backup"?: {
      "barmanObjectStore"?: {
        "azureCredentials"?: {
          "connectionString"?: {
            "key": string;
            "name": string;
          };
          "inheritFromAzureAD"?: boolean;
          "storageAccount"?: {
            "key": string;
            "name": string;
          };
          "storageKey"?: {
            "key": string;
            "name": string;
          };
          "storageSasToken"?: {
            "key": string;
            "name": string;
          };
        };
        "data"?: {
          "additionalCommandArgs"?: Array<string>;
          "compression"?: "bzip2" | "gzip" | "snappy";
          "encryption"?: "AES256" | "aws:kms";
          "immediateCheckpoint"?: boolean;
          "jobs"?: number;
        };
        "destinationPath": string;
        "endpointCA"?: {
          "key": string;
          "name": string;
        };
        "endpointURL"?: string;
        "googleCredentials"?: {
          "applicationCredentials"?: {
            "key": string;
            "name": string;
          };
          "gkeEnvironment"?: boolean;
        };
        "historyTags"?: {
          [key: string]: string;
        };
        "s3Credentials"?: {
          "accessKeyId"?: {
            "key": string;
            "name": string;
          };
          "inheritFromIAMRole"?: boolean;
          "region"?: {
            "key": string;
            "name": string;
          };
          "secretAccessKey"?: {
            "key": string;
            "name": string;
          };
          "sessionToken"?: {
            "key": string;
            "name": string;
          };
        };
        "serverName"?: string;
        "tags"?: {
          [key: string]: string;
        };
        "wal"?: {
          "archiveAdditionalCommandArgs"?: Array<string>;
          "compression"?: "bzip2" | "gzip" | "lz4" | "snappy" | "xz" | "zstd";
          "encryption"?: "AES256" | "aws:kms";
          "maxParallel"?: number;
          "restoreAdditionalCommandArgs"?: Array<string>;
        };
      };
      "retentionPolicy"?: string;
      "target"?: "primary" | "prefer-standby";
      "volumeSnapshot"?: {
        "annotations"?: {
          [key: string]: string;
        };
        "className"?: string;
        "labels"?: {
          [key: string]: string;
        };
        "online"?: boolean;
        "onlineConfiguration"?: {
          "immediateCheckpoint"?: boolean;
          "waitForArchive"?: boolean;
        };
        "snapshotOwnerReference"?: "none" | "cluster" | "backup";
        "tablespaceClassName"?: {
          [key: string]: string;
        };
        "walClassName"?: string;
      };
    };
    "bootstrap"?: {
      "initdb"?: {
        "builtinLocale"?: string;
        "dataChecksums"?: boolean;
        "database"?: string;
        "encoding"?: string;
        "icuLocale"?: string;
        "icuRules"?: string;
        "import"?: {
          "databases": Array<string>;
          "pgDumpExtraOptions"?: Array<string>;
          "pgRestoreExtraOptions"?: Array<string>;
          "postImportApplicationSQL"?: Array<string>;
          "roles"?: Array<string>;
          "schemaOnly"?: boolean;
          "source": {
            "externalCluster": string;
          };
          "type": "microservice" | "monolith";
        };
        "locale"?: string;
        "localeCType"?: string;
        "localeCollate"?: string;
        "localeProvider"?: string;
        "options"?: Array<string>;
        "owner"?: string;
        "postInitApplicationSQL"?: Array<string>;
        "postInitApplicationSQLRefs"?: {
          "configMapRefs"?: Array<{
            "key": string;
            "name": string;
          }>;
          "secretRefs"?: Array<{
            "key": string;
            "name": string;
          }>;
        };
        "postInitSQL"?: Array<string>;
        "postInitSQLRefs"?: {
          "configMapRefs"?: Array<{
            "key": string;
            "name": string;
          }>;
          "secretRefs"?: Array<{
            "key": string;
            "name": string;
          }>;
        };
        "postInitTemplateSQL"?: Array<string>;
        "postInitTemplateSQLRefs"?: {
          "configMapRefs"?: Array<{
            "key": string;
            "name": string;
          }>;
          "secretRefs"?: Array<{
            "key": string;
            "name": string;
          }>;
        };
        "secret"?: {
          "name": string;
        };
        "walSegmentSize"?: number;
      };
      "pg_basebackup"?: {
        "database"?: string;
        "owner"?: string;
        "secret"?: {
          "name": string;
        };
        "source": string;
      };
      "recovery"?: {
        "backup"?: {
          "endpointCA"?: {
            "key": string;
            "name": string;
          };
          "name": string;
        };
        "database"?: string;
        "owner"?: string;
        "recoveryTarget"?: {
          "backupID"?: string;
          "exclusive"?: boolean;
          "targetImmediate"?: boolean;
          "targetLSN"?: string;
          "targetName"?: string;
          "targetTLI"?: string;
          "targetTime"?: string;
          "targetXID"?: string;
        };
        "secret"?: {
          "name": string;
        };
        "source"?: string;
        "volumeSnapshots"?: {
          "storage": {
            "apiGroup"?: string;
            "kind": string;
            "name": string;
          };
          "tablespaceStorage"?: {
            [key: string]: {
              "apiGroup"?: string;
              "kind": string;
              "name": string;
            };
          };
          "walStorage"?: {
            "apiGroup"?: string;
            "kind": string;
            "name": string;
          };
        };
      };
    };
    "certificates"?: {
      "clientCASecret"?: string;
      "replicationTLSSecret"?: string;
      "serverAltDNSNames"?: Array<string>;
      "serverCASecret"?: string;
      "serverTLSSecret"?: string;
    };
    "description"?: string;
    "enablePDB"?: boolean;
    "enableSuperuserAccess"?: boolean;
    "env"?: Array<{
      "name": string;
      "value"?: string;
      "valueFrom"?: {
        "configMapKeyRef"?: {
          "key": string;
          "name"?: string;
          "optional"?: boolean;
        };
        "fieldRef"?: {
          "apiVersion"?: string;
          "fieldPath": string;
        };
        "fileKeyRef"?: {
          "key": string;
          "optional"?: boolean;
          "path": string;
          "volumeName": string;
        };
        "resourceFieldRef"?: {
          "containerName"?: string;
          "divisor"?: number | string;
          "resource": string;
        };
        "secretKeyRef"?: {
          "key": string;
          "name"?: string;
          "optional"?: boolean;
        };
      };
    }>;
    "envFrom"?: Array<{
      "configMapRef"?: {
        "name"?: string;
        "optional"?: boolean;
      };
      "prefix"?: string;
      "secretRef"?: {
        "name"?: string;
        "optional"?: boolean;
      };
    }>;
    "ephemeralVolumeSource"?: {
      "volumeClaimTemplate"?: {
        "metadata"?: {
        };
        "spec": {
          "accessModes"?: Array<string>;
          "dataSource"?: {
            "apiGroup"?: string;
            "kind": string;
            "name": string;
          };
          "dataSourceRef"?: {
            "apiGroup"?: string;
            "kind": string;
            "name": string;
            "namespace"?: string;
          };
          "resources"?: {
            "limits"?: {
              [key: string]: number | string;
            };
            "requests"?: {
              [key: string]: number | string;
            };
          };
          "selector"?: {
            "matchExpressions"?: Array<{
              "key": string;
              "operator": string;
              "values"?: Array<string>;
            }>;
            "matchLabels"?: {
              [key: string]: string;
            };
          };
          "storageClassName"?: string;
          "volumeAttributesClassName"?: string;
          "volumeMode"?: string;
          "volumeName"?: string;
        };
      };
    };
    "ephemeralVolumesSizeLimit"?: {
      "shm"?: number | string;
      "temporaryData"?: number | string;
    };
    "externalClusters"?: Array<{
      "barmanObjectStore"?: {
        "azureCredentials"?: {
          "connectionString"?: {
            "key": string;
            "name": string;
          };
          "inheritFromAzureAD"?: boolean;
          "storageAccount"?: {
            "key": string;
            "name": string;
          };
          "storageKey"?: {
            "key": string;
            "name": string;
          };
          "storageSasToken"?: {
            "key": string;
            "name": string;
          };
        };
        "data"?: {
          "additionalCommandArgs"?: Array<string>;
          "compression"?: "bzip2" | "gzip" | "snappy";
          "encryption"?: "AES256" | "aws:kms";
          "immediateCheckpoint"?: boolean;
          "jobs"?: number;
        };
        "destinationPath": string;
        "endpointCA"?: {
          "key": string;
          "name": string;
        };
        "endpointURL"?: string;
        "googleCredentials"?: {
          "applicationCredentials"?: {
            "key": string;
            "name": string;
          };
          "gkeEnvironment"?: boolean;
        };
        "historyTags"?: {
          [key: string]: string;
        };
        "s3Credentials"?: {
          "accessKeyId"?: {
            "key": string;
            "name": string;
          };
          "inheritFromIAMRole"?: boolean;
          "region"?: {
            "key": string;
            "name": string;
          };
          "secretAccessKey"?: {
            "key": string;
            "name": string;
          };
          "sessionToken"?: {
            "key": string;
            "name": string;
          };
        };
        "serverName"?: string;
        "tags"?: {
          [key: string]: string;
        };
        "wal"?: {
          "archiveAdditionalCommandArgs"?: Array<string>;
          "compression"?: "bzip2" | "gzip" | "lz4" | "snappy" | "xz" | "zstd";
          "encryption"?: "AES256" | "aws:kms";
          "maxParallel"?: number;
          "restoreAdditionalCommandArgs"?: Array<string>;
        };
      };
      "connectionParameters"?: {
        [key: string]: string;
      };
      "name": string;
      "password"?: {
        "key": string;
        "name"?: string;
        "optional"?: boolean;
      };
      "plugin"?: {
        "enabled"?: boolean;
        "isWALArchiver"?: boolean;
        "name": string;
        "parameters"?: {
          [key: string]: string;
        };
      };
      "sslCert"?: {
        "key": string;
        "name"?: string;
        "optional"?: boolean;
      };
      "sslKey"?: {
        "key": string;
        "name"?: string;
        "optional"?: boolean;
      };
      "sslRootCert"?: {
        "key": string;
        "name"?: string;
        "optional"?: boolean;
      };
    }>;
    "failoverDelay"?: number;
    "imageCatalogRef"?: {
      "apiGroup"?: string;
      "kind": string;
      "major": number;
      "name": string;
    };
    "imageName"?: string;
    "imagePullPolicy"?: string;
    "imagePullSecrets"?: Array<{
      "name": string;
    }>;
    "inheritedMetadata"?: {
      "annotations"?: {
        [key: string]: string;
      };
      "labels"?: {
        [key: string]: string;
      };
    };
    "instances": number;
    "livenessProbeTimeout"?: number;
    "logLevel"?: "error" | "warning" | "info" | "debug" | "trace";
    "managed"?: {
      "roles"?: Array<{
        "bypassrls"?: boolean;
        "comment"?: string;
        "connectionLimit"?: number;
        "createdb"?: boolean;
        "createrole"?: boolean;
        "disablePassword"?: boolean;
        "ensure"?: "present" | "absent";
        "inRoles"?: Array<string>;
        "inherit"?: boolean;
        "login"?: boolean;
        "name": string;
        "passwordSecret"?: {
          "name": string;
        };
        "replication"?: boolean;
        "superuser"?: boolean;
        "validUntil"?: string;
      }>;
      "services"?: {
        "additional"?: Array<{
          "selectorType": "rw" | "r" | "ro";
          "serviceTemplate": {
            "metadata"?: {
              "annotations"?: {
                [key: string]: string;
              };
              "labels"?: {
                [key: string]: string;
              };
              "name"?: string;
            };
            "spec"?: {
              "allocateLoadBalancerNodePorts"?: boolean;
              "clusterIP"?: string;
              "clusterIPs"?: Array<string>;
              "externalIPs"?: Array<string>;
              "externalName"?: string;
              "externalTrafficPolicy"?: string;
              "healthCheckNodePort"?: number;
              "internalTrafficPolicy"?: string;
              "ipFamilies"?: Array<string>;
              "ipFamilyPolicy"?: string;
              "loadBalancerClass"?: string;
              "loadBalancerIP"?: string;
              "loadBalancerSourceRanges"?: Array<string>;
              "ports"?: Array<{
                "appProtocol"?: string;
                "name"?: string;
                "nodePort"?: number;
                "port": number;
                "protocol"?: string;
                "targetPort"?: number | string;
              }>;
              "publishNotReadyAddresses"?: boolean;
              "selector"?: {
                [key: string]: string;
              };
              "sessionAffinity"?: string;
              "sessionAffinityConfig"?: {
                "clientIP"?: {
                  "timeoutSeconds"?: number;
                };
              };
              "trafficDistribution"?: string;
              "type"?: string;
            };
          };
          "updateStrategy"?: "patch" | "replace";
        }>;
        "disabledDefaultServices"?: Array<"rw" | "r" | "ro">;
      };
    };
    "maxSyncReplicas"?: number;
    "minSyncReplicas"?: number;
    "monitoring"?: {
      "customQueriesConfigMap"?: Array<{
        "key": string;
        "name": string;
      }>;
      "customQueriesSecret"?: Array<{
        "key": string;
        "name": string;
      }>;
      "disableDefaultQueries"?: boolean;
      "enablePodMonitor"?: boolean;
      "podMonitorMetricRelabelings"?: Array<{
        "action"?: "replace" | "Replace" | "keep" | "Keep" | "drop" | "Drop" | "hashmod" | "HashMod" | "labelmap" | "LabelMap" | "labeldrop" | "LabelDrop" | "labelkeep" | "LabelKeep" | "lowercase" | "Lowercase" | "uppercase" | "Uppercase" | "keepequal" | "KeepEqual" | "dropequal" | "DropEqual";
        "modulus"?: number;
        "regex"?: string;
        "replacement"?: string;
        "separator"?: string;
        "sourceLabels"?: Array<string>;
        "targetLabel"?: string;
      }>;
      "podMonitorRelabelings"?: Array<{
        "action"?: "replace" | "Replace" | "keep" | "Keep" | "drop" | "Drop" | "hashmod" | "HashMod" | "labelmap" | "LabelMap" | "labeldrop" | "LabelDrop" | "labelkeep" | "LabelKeep" | "lowercase" | "Lowercase" | "uppercase" | "Uppercase" | "keepequal" | "KeepEqual" | "dropequal" | "DropEqual";
        "modulus"?: number;
        "regex"?: string;
        "replacement"?: string;
        "separator"?: string;
        "sourceLabels"?: Array<string>;
        "targetLabel"?: string;
      }>;
      "tls"?: {
        "enabled"?: boolean;
      };
    };
    "nodeMaintenanceWindow"?: {
      "inProgress"?: boolean;
      "reusePVC"?: boolean;
    };
    "plugins"?: Array<{
      "enabled"?: boolean;
      "isWALArchiver"?: boolean;
      "name": string;
      "parameters"?: {
        [key: string]: string;
      };
    }>;
    "postgresGID"?: number;
    "postgresUID"?: number;
    "postgresql"?: {
      "enableAlterSystem"?: boolean;
      "extensions"?: Array<{
        "dynamic_library_path"?: Array<string>;
        "extension_control_path"?: Array<string>;
        "image": {
          "pullPolicy"?: string;
          "reference"?: string;
        };
        "ld_library_path"?: Array<string>;
        "name": string;
      }>;
      "ldap"?: {
        "bindAsAuth"?: {
          "prefix"?: string;
          "suffix"?: string;
        };
        "bindSearchAuth"?: {
          "baseDN"?: string;
          "bindDN"?: string;
          "bindPassword"?: {
            "key": string;
            "name"?: string;
            "optional"?: boolean;
          };
          "searchAttribute"?: string;
          "searchFilter"?: string;
        };
        "port"?: number;
        "scheme"?: "ldap" | "ldaps";
        "server"?: string;
        "tls"?: boolean;
      };
      "parameters"?: {
        [key: string]: string;
      };
      "pg_hba"?: Array<string>;
      "pg_ident"?: Array<string>;
      "promotionTimeout"?: number;
      "shared_preload_libraries"?: Array<string>;
      "syncReplicaElectionConstraint"?: {
        "enabled": boolean;
        "nodeLabelsAntiAffinity"?: Array<string>;
      };
      "synchronous"?: {
        "dataDurability"?: "required" | "preferred";
        "maxStandbyNamesFromCluster"?: number;
        "method": "any" | "first";
        "number": number;
        "standbyNamesPost"?: Array<string>;
        "standbyNamesPre"?: Array<string>;
      };
    };
    "primaryUpdateMethod"?: "switchover" | "restart";
    "primaryUpdateStrategy"?: "unsupervised" | "supervised";
    "priorityClassName"?: string;
    "probes"?: {
      "liveness"?: {
        "failureThreshold"?: number;
        "initialDelaySeconds"?: number;
        "isolationCheck"?: {
          "connectionTimeout"?: number;
          "enabled"?: boolean;
          "requestTimeout"?: number;
        };
        "periodSeconds"?: number;
        "successThreshold"?: number;
        "terminationGracePeriodSeconds"?: number;
        "timeoutSeconds"?: number;
      };
      "readiness"?: {
        "failureThreshold"?: number;
        "initialDelaySeconds"?: number;
        "maximumLag"?: number | string;
        "periodSeconds"?: number;
        "successThreshold"?: number;
        "terminationGracePeriodSeconds"?: number;
        "timeoutSeconds"?: number;
        "type"?: "pg_isready" | "streaming" | "query";
      };
      "startup"?: {
        "failureThreshold"?: number;
        "initialDelaySeconds"?: number;
        "maximumLag"?: number | string;
        "periodSeconds"?: number;
        "successThreshold"?: number;
        "terminationGracePeriodSeconds"?: number;
        "timeoutSeconds"?: number;
        "type"?: "pg_isready" | "streaming" | "query";
      };
    };
    "projectedVolumeTemplate"?: {
      "defaultMode"?: number;
      "sources"?: Array<{
        "clusterTrustBundle"?: {
          "labelSelector"?: {
            "matchExpressions"?: Array<{
              "key": string;
              "operator": string;
              "values"?: Array<string>;
            }>;
            "matchLabels"?: {
              [key: string]: string;
            };
          };
          "name"?: string;
          "optional"?: boolean;
          "path": string;
          "signerName"?: string;
        };
        "configMap"?: {
          "items"?: Array<{
            "key": string;
            "mode"?: number;
            "path": string;
          }>;
          "name"?: string;
          "optional"?: boolean;
        };
        "downwardAPI"?: {
          "items"?: Array<{
            "fieldRef"?: {
              "apiVersion"?: string;
              "fieldPath": string;
            };
            "mode"?: number;
            "path": string;
            "resourceFieldRef"?: {
              "containerName"?: string;
              "divisor"?: number | string;
              "resource": string;
            };
          }>;
        };
        "podCertificate"?: {
          "certificateChainPath"?: string;
          "credentialBundlePath"?: string;
          "keyPath"?: string;
          "keyType": string;
          "maxExpirationSeconds"?: number;
          "signerName": string;
        };
        "secret"?: {
          "items"?: Array<{
            "key": string;
            "mode"?: number;
            "path": string;
          }>;
          "name"?: string;
          "optional"?: boolean;
        };
        "serviceAccountToken"?: {
          "audience"?: string;
          "expirationSeconds"?: number;
          "path": string;
        };
      }>;
    };
    "replica"?: {
      "enabled"?: boolean;
      "minApplyDelay"?: string;
      "primary"?: string;
      "promotionToken"?: string;
      "self"?: string;
      "source": string;
    };
    "replicationSlots"?: {
      "highAvailability"?: {
        "enabled"?: boolean;
        "slotPrefix"?: string;
        "synchronizeLogicalDecoding"?: boolean;
      };
      "synchronizeReplicas"?: {
        "enabled": boolean;
        "excludePatterns"?: Array<string>;
      };
      "updateInterval"?: number;
    };
    "resources"?: {
      "claims"?: Array<{
        "name": string;
        "request"?: string;
      }>;
      "limits"?: {
        [key: string]: number | string;
      };
      "requests"?: {
        [key: string]: number | string;
      };
    };
    "schedulerName"?: string;
    "seccompProfile"?: {
      "localhostProfile"?: string;
      "type": string;
    };
    "serviceAccountTemplate"?: {
      "metadata": {
        "annotations"?: {
          [key: string]: string;
        };
        "labels"?: {
          [key: string]: string;
        };
        "name"?: string;
      };
    };
    "smartShutdownTimeout"?: number;
    "startDelay"?: number;
    "stopDelay"?: number;
    "storage"?: {
      "pvcTemplate"?: {
        "accessModes"?: Array<string>;
        "dataSource"?: {
          "apiGroup"?: string;
          "kind": string;
          "name": string;
        };
        "dataSourceRef"?: {
          "apiGroup"?: string;
          "kind": string;
          "name": string;
          "namespace"?: string;
        };
        "resources"?: {
          "limits"?: {
            [key: string]: number | string;
          };
          "requests"?: {
            [key: string]: number | string;
          };
        };
        "selector"?: {
          "matchExpressions"?: Array<{
            "key": string;
            "operator": string;
            "values"?: Array<string>;
          }>;
          "matchLabels"?: {
            [key: string]: string;
          };
        };
        "storageClassName"?: string;
        "volumeAttributesClassName"?: string;
        "volumeMode"?: string;
        "volumeName"?: string;
      };
      "resizeInUseVolumes"?: boolean;
      "size"?: string;
      "storageClass"?: string;
    };
    "superuserSecret"?: {
      "name": string;
    };
    "switchoverDelay"?: number;
    "tablespaces"?: Array<{
      "name": string;
      "owner"?: {
        "name"?: string;
      };
      "storage": {
        "pvcTemplate"?: {
          "accessModes"?: Array<string>;
          "dataSource"?: {
            "apiGroup"?: string;
            "kind": string;
            "name": string;
          };
          "dataSourceRef"?: {
            "apiGroup"?: string;
            "kind": string;
            "name": string;
            "namespace"?: string;
          };
          "resources"?: {
            "limits"?: {
              [key: string]: number | string;
            };
            "requests"?: {
              [key: string]: number | string;
            };
          };
          "selector"?: {
            "matchExpressions"?: Array<{
              "key": string;
              "operator": string;
              "values"?: Array<string>;
            }>;
            "matchLabels"?: {
              [key: string]: string;
            };
          };
          "storageClassName"?: string;
          "volumeAttributesClassName"?: string;
          "volumeMode"?: string;
          "volumeName"?: string;
        };
        "resizeInUseVolumes"?: boolean;
        "size"?: string;
        "storageClass"?: string;
      };
      "temporary"?: boolean;
    }>;
    "topologySpreadConstraints"?: Array<{
      "labelSelector"?: {
        "matchExpressions"?: Array<{
          "key": string;
          "operator": string;
          "values"?: Array<string>;
        }>;
        "matchLabels"?: {
          [key: string]: string;
        };
      };
      "matchLabelKeys"?: Array<string>;
      "maxSkew": number;
      "minDomains"?: number;
      "nodeAffinityPolicy"?: string;
      "nodeTaintsPolicy"?: string;
      "topologyKey": string;
      "whenUnsatisfiable": string;
    }>;
    "walStorage"?: {
      "pvcTemplate"?: {
        "accessModes"?: Array<string>;
        "dataSource"?: {
          "apiGroup"?: string;
          "kind": string;
          "name": string;
        };
        "dataSourceRef"?: {
          "apiGroup"?: string;
          "kind": string;
          "name": string;
          "namespace"?: string;
        };
        "resources"?: {
          "limits"?: {
            [key: string]: number | string;
          };
          "requests"?: {
            [key: string]: number | string;
          };
        };
        "selector"?: {
          "matchExpressions"?: Array<{
            "key": string;
            "operator": string;
            "values"?: Array<string>;
          }>;
          "matchLabels"?: {
            [key: string]: string;
          };
        };
        "storageClassName"?: string;
        "volumeAttributesClassName"?: string;
        "volumeMode"?: string;
        "volumeName"?: string;
      };
      "resizeInUseVolumes"?: boolean;
      "size"?: string;
      "storageClass"?: string;
    };
  };
  "status"?: {
    "availableArchitectures"?: Array<{
      "goArch": string;
      "hash": string;
    }>;
    "certificates"?: {
      "clientCASecret"?: string;
      "expirations"?: {
        [key: string]: string;
      };
      "replicationTLSSecret"?: string;
      "serverAltDNSNames"?: Array<string>;
      "serverCASecret"?: string;
      "serverTLSSecret"?: string;
    };
    "cloudNativePGCommitHash"?: string;
    "cloudNativePGOperatorHash"?: string;
    "conditions"?: Array<{
      "lastTransitionTime": string;
      "message": string;
      "observedGeneration"?: number;
      "reason": string;
      "status": "True" | "False" | "Unknown";
      "type": string;
    }>;
    "configMapResourceVersion"?: {
      "metrics"?: {
        [key: string]: string;
      };
    };
    "currentPrimary"?: string;
    "currentPrimaryFailingSinceTimestamp"?: string;
    "currentPrimaryTimestamp"?: string;
    "danglingPVC"?: Array<string>;
    "demotionToken"?: string;
    "firstRecoverabilityPoint"?: string;
    "firstRecoverabilityPointByMethod"?: {
      [key: string]: string;
    };
    "healthyPVC"?: Array<string>;
    "image"?: string;
    "initializingPVC"?: Array<string>;
    "instanceNames"?: Array<string>;
    "instances"?: number;
    "instancesReportedState"?: {
      [key: string]: {
        "ip"?: string;
        "isPrimary": boolean;
        "timeLineID"?: number;
      };
    };
    "instancesStatus"?: {
      [key: string]: Array<string>;
    };
    "jobCount"?: number;
    "lastFailedBackup"?: string;
    "lastPromotionToken"?: string;
    "lastSuccessfulBackup"?: string;
    "lastSuccessfulBackupByMethod"?: {
      [key: string]: string;
    };
    "latestGeneratedNode"?: number;
    "managedRolesStatus"?: {
      "byStatus"?: {
        [key: string]: Array<string>;
      };
      "cannotReconcile"?: {
        [key: string]: Array<string>;
      };
      "passwordStatus"?: {
        [key: string]: {
          "resourceVersion"?: string;
          "transactionID"?: number;
        };
      };
    };
    "onlineUpdateEnabled"?: boolean;
    "pgDataImageInfo"?: {
      "image": string;
      "majorVersion": number;
    };
    "phase"?: string;
    "phaseReason"?: string;
    "pluginStatus"?: Array<{
      "backupCapabilities"?: Array<string>;
      "capabilities"?: Array<string>;
      "name": string;
      "operatorCapabilities"?: Array<string>;
      "restoreJobHookCapabilities"?: Array<string>;
      "status"?: string;
      "version": string;
      "walCapabilities"?: Array<string>;
    }>;
    "poolerIntegrations"?: {
      "pgBouncerIntegration"?: {
        "secrets"?: Array<string>;
      };
    };
    "pvcCount"?: number;
    "readService"?: string;
    "readyInstances"?: number;
    "resizingPVC"?: Array<string>;
    "secretsResourceVersion"?: {
      "applicationSecretVersion"?: string;
      "barmanEndpointCA"?: string;
      "caSecretVersion"?: string;
      "clientCaSecretVersion"?: string;
      "externalClusterSecretVersion"?: {
        [key: string]: string;
      };
      "managedRoleSecretVersion"?: {
        [key: string]: string;
      };
      "metrics"?: {
        [key: string]: string;
      };
      "replicationSecretVersion"?: string;
      "serverCaSecretVersion"?: string;
      "serverSecretVersion"?: string;
      "superuserSecretVersion"?: string;
    };
    "switchReplicaClusterStatus"?: {
      "inProgress"?: boolean;
    };
    "systemID"?: string;
    "tablespacesStatus"?: Array<{
      "error"?: string;
      "name": string;
      "owner"?: string;
      "state": string;
    }>;
    "targetPrimary"?: string;
    "targetPrimaryTimestamp"?: string;
    "timelineID"?: number;
    "topology"?: {
      "instances"?: {
        [key: string]: {
          [key: string]: string;
        };
      };
      "nodesUsed"?: number;
      "successfullyExtracted"?: boolean;
    };
    "unusablePVC"?: Array<string>;
    "writeService"?: string;
  };
}

export class Cluster extends Model<ICluster> implements ICluster {
  "apiVersion": ICluster["apiVersion"];
  "kind": ICluster["kind"];
  "metadata": ICluster["metadata"];
  "spec": ICluster["spec"];
  "status"?: ICluster["status"];

static apiVersion: ICluster["apiVersion"] = "postgresql.cnpg.io/v1";
static kind: ICluster["kind"] = "Cluster";
static is = createTypeMetaGuard<ICluster>(Cluster);

constructor(data?: ModelData<ICluster>) {
  super();

  this.setDefinedProps({
    apiVersion: Cluster.apiVersion,
    kind: Cluster.kind,
    ...data
  } as ICluster);
}
}


setValidateFunc(Cluster, validate as ValidateFunc<ICluster>);
