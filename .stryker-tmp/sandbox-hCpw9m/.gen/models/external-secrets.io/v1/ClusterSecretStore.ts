import { IObjectMeta } from "@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta";
import { Model, ModelData, setValidateFunc, createTypeMetaGuard } from "@kubernetes-models/base";
import { ValidateFunc } from "@kubernetes-models/validate";
import { validate } from "../../_schemas/ExternalSecretsIoV1ClusterSecretStore";

export interface IClusterSecretStore {
  "apiVersion": "external-secrets.io/v1";
  "kind": "ClusterSecretStore";
  "metadata"?: IObjectMeta;
  "spec"?: {
    "conditions"?: Array<{
      "namespaceRegexes"?: Array<string>;
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
    }>;
    "controller"?: string;
    "provider": {
      "akeyless"?: {
        "akeylessGWApiURL": string;
        "authSecretRef": {
          "kubernetesAuth"?: {
            "accessID": string;
            "k8sConfName": string;
            "secretRef"?: {
              "key"?: string;
              "name"?: string;
              "namespace"?: string;
            };
            "serviceAccountRef"?: {
              "audiences"?: Array<string>;
              "name": string;
              "namespace"?: string;
            };
          };
          "secretRef"?: {
            "accessID"?: {
              "key"?: string;
              "name"?: string;
              "namespace"?: string;
            };
            "accessType"?: {
              "key"?: string;
              "name"?: string;
              "namespace"?: string;
            };
            "accessTypeParam"?: {
              "key"?: string;
              "name"?: string;
              "namespace"?: string;
            };
          };
        };
        "caBundle"?: string;
        "caProvider"?: {
          "key"?: string;
          "name": string;
          "namespace"?: string;
          "type": "Secret" | "ConfigMap";
        };
      };
      "alibaba"?: {
        "auth": {
          "rrsa"?: {
            "oidcProviderArn": string;
            "oidcTokenFilePath": string;
            "roleArn": string;
            "sessionName": string;
          };
          "secretRef"?: {
            "accessKeyIDSecretRef": {
              "key"?: string;
              "name"?: string;
              "namespace"?: string;
            };
            "accessKeySecretSecretRef": {
              "key"?: string;
              "name"?: string;
              "namespace"?: string;
            };
          };
        };
        "regionID": string;
      };
      "aws"?: {
        "additionalRoles"?: Array<string>;
        "auth"?: {
          "jwt"?: {
            "serviceAccountRef"?: {
              "audiences"?: Array<string>;
              "name": string;
              "namespace"?: string;
            };
          };
          "secretRef"?: {
            "accessKeyIDSecretRef"?: {
              "key"?: string;
              "name"?: string;
              "namespace"?: string;
            };
            "secretAccessKeySecretRef"?: {
              "key"?: string;
              "name"?: string;
              "namespace"?: string;
            };
            "sessionTokenSecretRef"?: {
              "key"?: string;
              "name"?: string;
              "namespace"?: string;
            };
          };
        };
        "externalID"?: string;
        "prefix"?: string;
        "region": string;
        "role"?: string;
        "secretsManager"?: {
          "forceDeleteWithoutRecovery"?: boolean;
          "recoveryWindowInDays"?: number;
        };
        "service": "SecretsManager" | "ParameterStore";
        "sessionTags"?: Array<{
          "key": string;
          "value": string;
        }>;
        "transitiveTagKeys"?: Array<string>;
      };
      "azurekv"?: {
        "authSecretRef"?: {
          "clientCertificate"?: {
            "key"?: string;
            "name"?: string;
            "namespace"?: string;
          };
          "clientId"?: {
            "key"?: string;
            "name"?: string;
            "namespace"?: string;
          };
          "clientSecret"?: {
            "key"?: string;
            "name"?: string;
            "namespace"?: string;
          };
          "tenantId"?: {
            "key"?: string;
            "name"?: string;
            "namespace"?: string;
          };
        };
        "authType"?: "ServicePrincipal" | "ManagedIdentity" | "WorkloadIdentity";
        "customCloudConfig"?: {
          "activeDirectoryEndpoint": string;
          "keyVaultDNSSuffix"?: string;
          "keyVaultEndpoint"?: string;
          "resourceManagerEndpoint"?: string;
        };
        "environmentType"?: "PublicCloud" | "USGovernmentCloud" | "ChinaCloud" | "GermanCloud" | "AzureStackCloud";
        "identityId"?: string;
        "serviceAccountRef"?: {
          "audiences"?: Array<string>;
          "name": string;
          "namespace"?: string;
        };
        "tenantId"?: string;
        "useAzureSDK"?: boolean;
        "vaultUrl": string;
      };
      "beyondtrust"?: {
        "auth": {
          "apiKey"?: {
            "secretRef"?: {
              "key"?: string;
              "name"?: string;
              "namespace"?: string;
            };
            "value"?: string;
          };
          "certificate"?: {
            "secretRef"?: {
              "key"?: string;
              "name"?: string;
              "namespace"?: string;
            };
            "value"?: string;
          };
          "certificateKey"?: {
            "secretRef"?: {
              "key"?: string;
              "name"?: string;
              "namespace"?: string;
            };
            "value"?: string;
          };
          "clientId"?: {
            "secretRef"?: {
              "key"?: string;
              "name"?: string;
              "namespace"?: string;
            };
            "value"?: string;
          };
          "clientSecret"?: {
            "secretRef"?: {
              "key"?: string;
              "name"?: string;
              "namespace"?: string;
            };
            "value"?: string;
          };
        };
        "server": {
          "apiUrl": string;
          "apiVersion"?: string;
          "clientTimeOutSeconds"?: number;
          "retrievalType"?: string;
          "separator"?: string;
          "verifyCA": boolean;
        };
      };
      "bitwardensecretsmanager"?: {
        "apiURL"?: string;
        "auth": {
          "secretRef": {
            "credentials": {
              "key"?: string;
              "name"?: string;
              "namespace"?: string;
            };
          };
        };
        "bitwardenServerSDKURL"?: string;
        "caBundle"?: string;
        "caProvider"?: {
          "key"?: string;
          "name": string;
          "namespace"?: string;
          "type": "Secret" | "ConfigMap";
        };
        "identityURL"?: string;
        "organizationID": string;
        "projectID": string;
      };
      "chef"?: {
        "auth": {
          "secretRef": {
            "privateKeySecretRef": {
              "key"?: string;
              "name"?: string;
              "namespace"?: string;
            };
          };
        };
        "serverUrl": string;
        "username": string;
      };
      "cloudrusm"?: {
        "auth": {
          "secretRef"?: {
            "accessKeyIDSecretRef": {
              "key"?: string;
              "name"?: string;
              "namespace"?: string;
            };
            "accessKeySecretSecretRef": {
              "key"?: string;
              "name"?: string;
              "namespace"?: string;
            };
          };
        };
        "projectID"?: string;
      };
      "conjur"?: {
        "auth": {
          "apikey"?: {
            "account": string;
            "apiKeyRef": {
              "key"?: string;
              "name"?: string;
              "namespace"?: string;
            };
            "userRef": {
              "key"?: string;
              "name"?: string;
              "namespace"?: string;
            };
          };
          "jwt"?: {
            "account": string;
            "hostId"?: string;
            "secretRef"?: {
              "key"?: string;
              "name"?: string;
              "namespace"?: string;
            };
            "serviceAccountRef"?: {
              "audiences"?: Array<string>;
              "name": string;
              "namespace"?: string;
            };
            "serviceID": string;
          };
        };
        "caBundle"?: string;
        "caProvider"?: {
          "key"?: string;
          "name": string;
          "namespace"?: string;
          "type": "Secret" | "ConfigMap";
        };
        "url": string;
      };
      "delinea"?: {
        "clientId": {
          "secretRef"?: {
            "key"?: string;
            "name"?: string;
            "namespace"?: string;
          };
          "value"?: string;
        };
        "clientSecret": {
          "secretRef"?: {
            "key"?: string;
            "name"?: string;
            "namespace"?: string;
          };
          "value"?: string;
        };
        "tenant": string;
        "tld"?: string;
        "urlTemplate"?: string;
      };
      "device42"?: {
        "auth": {
          "secretRef": {
            "credentials"?: {
              "key"?: string;
              "name"?: string;
              "namespace"?: string;
            };
          };
        };
        "host": string;
      };
      "doppler"?: {
        "auth": {
          "secretRef": {
            "dopplerToken": {
              "key"?: string;
              "name"?: string;
              "namespace"?: string;
            };
          };
        };
        "config"?: string;
        "format"?: "json" | "dotnet-json" | "env" | "yaml" | "docker";
        "nameTransformer"?: "upper-camel" | "camel" | "lower-snake" | "tf-var" | "dotnet-env" | "lower-kebab";
        "project"?: string;
      };
      "fake"?: {
        "data": Array<{
          "key": string;
          "value": string;
          "version"?: string;
        }>;
        "validationResult"?: number;
      };
      "fortanix"?: {
        "apiKey"?: {
          "secretRef"?: {
            "key"?: string;
            "name"?: string;
            "namespace"?: string;
          };
        };
        "apiUrl"?: string;
      };
      "gcpsm"?: {
        "auth"?: {
          "secretRef"?: {
            "secretAccessKeySecretRef"?: {
              "key"?: string;
              "name"?: string;
              "namespace"?: string;
            };
          };
          "workloadIdentity"?: {
            "clusterLocation"?: string;
            "clusterName"?: string;
            "clusterProjectID"?: string;
            "serviceAccountRef": {
              "audiences"?: Array<string>;
              "name": string;
              "namespace"?: string;
            };
          };
          "workloadIdentityFederation"?: {
            "audience"?: string;
            "awsSecurityCredentials"?: {
              "awsCredentialsSecretRef": {
                "name": string;
                "namespace"?: string;
              };
              "region": string;
            };
            "credConfig"?: {
              "key": string;
              "name": string;
              "namespace"?: string;
            };
            "externalTokenEndpoint"?: string;
            "serviceAccountRef"?: {
              "audiences"?: Array<string>;
              "name": string;
              "namespace"?: string;
            };
          };
        };
        "location"?: string;
        "projectID"?: string;
        "secretVersionSelectionPolicy"?: string;
      };
      "github"?: {
        "appID": number;
        "auth": {
          "privateKey": {
            "key"?: string;
            "name"?: string;
            "namespace"?: string;
          };
        };
        "environment"?: string;
        "installationID": number;
        "organization": string;
        "repository"?: string;
        "uploadURL"?: string;
        "url"?: string;
      };
      "gitlab"?: {
        "auth": {
          "SecretRef": {
            "accessToken"?: {
              "key"?: string;
              "name"?: string;
              "namespace"?: string;
            };
          };
        };
        "caBundle"?: string;
        "caProvider"?: {
          "key"?: string;
          "name": string;
          "namespace"?: string;
          "type": "Secret" | "ConfigMap";
        };
        "environment"?: string;
        "groupIDs"?: Array<string>;
        "inheritFromGroups"?: boolean;
        "projectID"?: string;
        "url"?: string;
      };
      "ibm"?: {
        "auth": {
          "containerAuth"?: {
            "iamEndpoint"?: string;
            "profile": string;
            "tokenLocation"?: string;
          };
          "secretRef"?: {
            "secretApiKeySecretRef"?: {
              "key"?: string;
              "name"?: string;
              "namespace"?: string;
            };
          };
        };
        "serviceUrl"?: string;
      };
      "infisical"?: {
        "auth": {
          "awsAuthCredentials"?: {
            "identityId": {
              "key"?: string;
              "name"?: string;
              "namespace"?: string;
            };
          };
          "azureAuthCredentials"?: {
            "identityId": {
              "key"?: string;
              "name"?: string;
              "namespace"?: string;
            };
            "resource"?: {
              "key"?: string;
              "name"?: string;
              "namespace"?: string;
            };
          };
          "gcpIamAuthCredentials"?: {
            "identityId": {
              "key"?: string;
              "name"?: string;
              "namespace"?: string;
            };
            "serviceAccountKeyFilePath": {
              "key"?: string;
              "name"?: string;
              "namespace"?: string;
            };
          };
          "gcpIdTokenAuthCredentials"?: {
            "identityId": {
              "key"?: string;
              "name"?: string;
              "namespace"?: string;
            };
          };
          "jwtAuthCredentials"?: {
            "identityId": {
              "key"?: string;
              "name"?: string;
              "namespace"?: string;
            };
            "jwt": {
              "key"?: string;
              "name"?: string;
              "namespace"?: string;
            };
          };
          "kubernetesAuthCredentials"?: {
            "identityId": {
              "key"?: string;
              "name"?: string;
              "namespace"?: string;
            };
            "serviceAccountTokenPath"?: {
              "key"?: string;
              "name"?: string;
              "namespace"?: string;
            };
          };
          "ldapAuthCredentials"?: {
            "identityId": {
              "key"?: string;
              "name"?: string;
              "namespace"?: string;
            };
            "ldapPassword": {
              "key"?: string;
              "name"?: string;
              "namespace"?: string;
            };
            "ldapUsername": {
              "key"?: string;
              "name"?: string;
              "namespace"?: string;
            };
          };
          "ociAuthCredentials"?: {
            "fingerprint": {
              "key"?: string;
              "name"?: string;
              "namespace"?: string;
            };
            "identityId": {
              "key"?: string;
              "name"?: string;
              "namespace"?: string;
            };
            "privateKey": {
              "key"?: string;
              "name"?: string;
              "namespace"?: string;
            };
            "privateKeyPassphrase"?: {
              "key"?: string;
              "name"?: string;
              "namespace"?: string;
            };
            "region": {
              "key"?: string;
              "name"?: string;
              "namespace"?: string;
            };
            "tenancyId": {
              "key"?: string;
              "name"?: string;
              "namespace"?: string;
            };
            "userId": {
              "key"?: string;
              "name"?: string;
              "namespace"?: string;
            };
          };
          "tokenAuthCredentials"?: {
            "accessToken": {
              "key"?: string;
              "name"?: string;
              "namespace"?: string;
            };
          };
          "universalAuthCredentials"?: {
            "clientId": {
              "key"?: string;
              "name"?: string;
              "namespace"?: string;
            };
            "clientSecret": {
              "key"?: string;
              "name"?: string;
              "namespace"?: string;
            };
          };
        };
        "hostAPI"?: string;
        "secretsScope": {
          "environmentSlug": string;
          "expandSecretReferences"?: boolean;
          "projectSlug": string;
          "recursive"?: boolean;
          "secretsPath"?: string;
        };
      };
      "keepersecurity"?: {
        "authRef": {
          "key"?: string;
          "name"?: string;
          "namespace"?: string;
        };
        "folderID": string;
      };
      "kubernetes"?: {
        "auth"?: {
          "cert"?: {
            "clientCert"?: {
              "key"?: string;
              "name"?: string;
              "namespace"?: string;
            };
            "clientKey"?: {
              "key"?: string;
              "name"?: string;
              "namespace"?: string;
            };
          };
          "serviceAccount"?: {
            "audiences"?: Array<string>;
            "name": string;
            "namespace"?: string;
          };
          "token"?: {
            "bearerToken"?: {
              "key"?: string;
              "name"?: string;
              "namespace"?: string;
            };
          };
        };
        "authRef"?: {
          "key"?: string;
          "name"?: string;
          "namespace"?: string;
        };
        "remoteNamespace"?: string;
        "server"?: {
          "caBundle"?: string;
          "caProvider"?: {
            "key"?: string;
            "name": string;
            "namespace"?: string;
            "type": "Secret" | "ConfigMap";
          };
          "url"?: string;
        };
      };
      "ngrok"?: {
        "apiUrl"?: string;
        "auth": {
          "apiKey"?: {
            "secretRef"?: {
              "key"?: string;
              "name"?: string;
              "namespace"?: string;
            };
          };
        };
        "vault": {
          "name": string;
        };
      };
      "onboardbase"?: {
        "apiHost": string;
        "auth": {
          "apiKeyRef": {
            "key"?: string;
            "name"?: string;
            "namespace"?: string;
          };
          "passcodeRef": {
            "key"?: string;
            "name"?: string;
            "namespace"?: string;
          };
        };
        "environment": string;
        "project": string;
      };
      "onepassword"?: {
        "auth": {
          "secretRef": {
            "connectTokenSecretRef": {
              "key"?: string;
              "name"?: string;
              "namespace"?: string;
            };
          };
        };
        "connectHost": string;
        "vaults": {
          [key: string]: number;
        };
      };
      "onepasswordSDK"?: {
        "auth": {
          "serviceAccountSecretRef": {
            "key"?: string;
            "name"?: string;
            "namespace"?: string;
          };
        };
        "integrationInfo"?: {
          "name"?: string;
          "version"?: string;
        };
        "vault": string;
      };
      "oracle"?: {
        "auth"?: {
          "secretRef": {
            "fingerprint": {
              "key"?: string;
              "name"?: string;
              "namespace"?: string;
            };
            "privatekey": {
              "key"?: string;
              "name"?: string;
              "namespace"?: string;
            };
          };
          "tenancy": string;
          "user": string;
        };
        "compartment"?: string;
        "encryptionKey"?: string;
        "principalType"?: "" | "UserPrincipal" | "InstancePrincipal" | "Workload";
        "region": string;
        "serviceAccountRef"?: {
          "audiences"?: Array<string>;
          "name": string;
          "namespace"?: string;
        };
        "vault": string;
      };
      "passbolt"?: {
        "auth": {
          "passwordSecretRef": {
            "key"?: string;
            "name"?: string;
            "namespace"?: string;
          };
          "privateKeySecretRef": {
            "key"?: string;
            "name"?: string;
            "namespace"?: string;
          };
        };
        "host": string;
      };
      "passworddepot"?: {
        "auth": {
          "secretRef": {
            "credentials"?: {
              "key"?: string;
              "name"?: string;
              "namespace"?: string;
            };
          };
        };
        "database": string;
        "host": string;
      };
      "previder"?: {
        "auth": {
          "secretRef"?: {
            "accessToken": {
              "key"?: string;
              "name"?: string;
              "namespace"?: string;
            };
          };
        };
        "baseUri"?: string;
      };
      "pulumi"?: {
        "accessToken": {
          "secretRef"?: {
            "key"?: string;
            "name"?: string;
            "namespace"?: string;
          };
        };
        "apiUrl"?: string;
        "environment": string;
        "organization": string;
        "project": string;
      };
      "scaleway"?: {
        "accessKey": {
          "secretRef"?: {
            "key"?: string;
            "name"?: string;
            "namespace"?: string;
          };
          "value"?: string;
        };
        "apiUrl"?: string;
        "projectId": string;
        "region": string;
        "secretKey": {
          "secretRef"?: {
            "key"?: string;
            "name"?: string;
            "namespace"?: string;
          };
          "value"?: string;
        };
      };
      "secretserver"?: {
        "domain"?: string;
        "password": {
          "secretRef"?: {
            "key"?: string;
            "name"?: string;
            "namespace"?: string;
          };
          "value"?: string;
        };
        "serverURL": string;
        "username": {
          "secretRef"?: {
            "key"?: string;
            "name"?: string;
            "namespace"?: string;
          };
          "value"?: string;
        };
      };
      "senhasegura"?: {
        "auth": {
          "clientId": string;
          "clientSecretSecretRef": {
            "key"?: string;
            "name"?: string;
            "namespace"?: string;
          };
        };
        "ignoreSslCertificate"?: boolean;
        "module": string;
        "url": string;
      };
      "vault"?: {
        "auth"?: {
          "appRole"?: {
            "path": string;
            "roleId"?: string;
            "roleRef"?: {
              "key"?: string;
              "name"?: string;
              "namespace"?: string;
            };
            "secretRef": {
              "key"?: string;
              "name"?: string;
              "namespace"?: string;
            };
          };
          "cert"?: {
            "clientCert"?: {
              "key"?: string;
              "name"?: string;
              "namespace"?: string;
            };
            "path"?: string;
            "secretRef"?: {
              "key"?: string;
              "name"?: string;
              "namespace"?: string;
            };
          };
          "iam"?: {
            "externalID"?: string;
            "jwt"?: {
              "serviceAccountRef"?: {
                "audiences"?: Array<string>;
                "name": string;
                "namespace"?: string;
              };
            };
            "path"?: string;
            "region"?: string;
            "role"?: string;
            "secretRef"?: {
              "accessKeyIDSecretRef"?: {
                "key"?: string;
                "name"?: string;
                "namespace"?: string;
              };
              "secretAccessKeySecretRef"?: {
                "key"?: string;
                "name"?: string;
                "namespace"?: string;
              };
              "sessionTokenSecretRef"?: {
                "key"?: string;
                "name"?: string;
                "namespace"?: string;
              };
            };
            "vaultAwsIamServerID"?: string;
            "vaultRole": string;
          };
          "jwt"?: {
            "kubernetesServiceAccountToken"?: {
              "audiences"?: Array<string>;
              "expirationSeconds"?: number;
              "serviceAccountRef": {
                "audiences"?: Array<string>;
                "name": string;
                "namespace"?: string;
              };
            };
            "path": string;
            "role"?: string;
            "secretRef"?: {
              "key"?: string;
              "name"?: string;
              "namespace"?: string;
            };
          };
          "kubernetes"?: {
            "mountPath": string;
            "role": string;
            "secretRef"?: {
              "key"?: string;
              "name"?: string;
              "namespace"?: string;
            };
            "serviceAccountRef"?: {
              "audiences"?: Array<string>;
              "name": string;
              "namespace"?: string;
            };
          };
          "ldap"?: {
            "path": string;
            "secretRef"?: {
              "key"?: string;
              "name"?: string;
              "namespace"?: string;
            };
            "username": string;
          };
          "namespace"?: string;
          "tokenSecretRef"?: {
            "key"?: string;
            "name"?: string;
            "namespace"?: string;
          };
          "userPass"?: {
            "path": string;
            "secretRef"?: {
              "key"?: string;
              "name"?: string;
              "namespace"?: string;
            };
            "username": string;
          };
        };
        "caBundle"?: string;
        "caProvider"?: {
          "key"?: string;
          "name": string;
          "namespace"?: string;
          "type": "Secret" | "ConfigMap";
        };
        "checkAndSet"?: {
          "required"?: boolean;
        };
        "forwardInconsistent"?: boolean;
        "headers"?: {
          [key: string]: string;
        };
        "namespace"?: string;
        "path"?: string;
        "readYourWrites"?: boolean;
        "server": string;
        "tls"?: {
          "certSecretRef"?: {
            "key"?: string;
            "name"?: string;
            "namespace"?: string;
          };
          "keySecretRef"?: {
            "key"?: string;
            "name"?: string;
            "namespace"?: string;
          };
        };
        "version"?: "v1" | "v2";
      };
      "volcengine"?: {
        "auth"?: {
          "secretRef"?: {
            "accessKeyID": {
              "key"?: string;
              "name"?: string;
              "namespace"?: string;
            };
            "secretAccessKey": {
              "key"?: string;
              "name"?: string;
              "namespace"?: string;
            };
            "token"?: {
              "key"?: string;
              "name"?: string;
              "namespace"?: string;
            };
          };
        };
        "region": string;
      };
      "webhook"?: {
        "auth"?: {
          "ntlm"?: {
            "passwordSecret": {
              "key"?: string;
              "name"?: string;
              "namespace"?: string;
            };
            "usernameSecret": {
              "key"?: string;
              "name"?: string;
              "namespace"?: string;
            };
          };
        };
        "body"?: string;
        "caBundle"?: string;
        "caProvider"?: {
          "key"?: string;
          "name": string;
          "namespace"?: string;
          "type": "Secret" | "ConfigMap";
        };
        "headers"?: {
          [key: string]: string;
        };
        "method"?: string;
        "result"?: {
          "jsonPath"?: string;
        };
        "secrets"?: Array<{
          "name": string;
          "secretRef": {
            "key"?: string;
            "name"?: string;
            "namespace"?: string;
          };
        }>;
        "timeout"?: string;
        "url": string;
      };
      "yandexcertificatemanager"?: {
        "apiEndpoint"?: string;
        "auth": {
          "authorizedKeySecretRef"?: {
            "key"?: string;
            "name"?: string;
            "namespace"?: string;
          };
        };
        "caProvider"?: {
          "certSecretRef"?: {
            "key"?: string;
            "name"?: string;
            "namespace"?: string;
          };
        };
        "fetching"?: {
          "byID"?: {
          };
          "byName"?: {
            "folderID": string;
          };
        };
      };
      "yandexlockbox"?: {
        "apiEndpoint"?: string;
        "auth": {
          "authorizedKeySecretRef"?: {
            "key"?: string;
            "name"?: string;
            "namespace"?: string;
          };
        };
        "caProvider"?: {
          "certSecretRef"?: {
            "key"?: string;
            "name"?: string;
            "namespace"?: string;
          };
        };
        "fetching"?: {
          "byID"?: {
          };
          "byName"?: {
            "folderID": string;
          };
        };
      };
    };
    "refreshInterval"?: number;
    "retrySettings"?: {
      "maxRetries"?: number;
      "retryInterval"?: string;
    };
  };
  "status"?: {
    "capabilities"?: string;
    "conditions"?: Array<{
      "lastTransitionTime"?: string;
      "message"?: string;
      "reason"?: string;
      "status": string;
      "type": string;
    }>;
  };
}

export class ClusterSecretStore extends Model<IClusterSecretStore> implements IClusterSecretStore {
  "apiVersion": IClusterSecretStore["apiVersion"];
  "kind": IClusterSecretStore["kind"];
  "metadata"?: IClusterSecretStore["metadata"];
  "spec"?: IClusterSecretStore["spec"];
  "status"?: IClusterSecretStore["status"];

static apiVersion: IClusterSecretStore["apiVersion"] = "external-secrets.io/v1";
static kind: IClusterSecretStore["kind"] = "ClusterSecretStore";
static is = createTypeMetaGuard<IClusterSecretStore>(ClusterSecretStore);

constructor(data?: ModelData<IClusterSecretStore>) {
  super();

  this.setDefinedProps({
    apiVersion: ClusterSecretStore.apiVersion,
    kind: ClusterSecretStore.kind,
    ...data
  } as IClusterSecretStore);
}
}


setValidateFunc(ClusterSecretStore, validate as ValidateFunc<IClusterSecretStore>);
