import { IObjectMeta } from "@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta";
import { Model, ModelData, setValidateFunc, createTypeMetaGuard } from "@kubernetes-models/base";
import { ValidateFunc } from "@kubernetes-models/validate";
import { validate } from "../../_schemas/KyvernoIoV1ClusterPolicy";

export interface IClusterPolicy {
  "apiVersion": "kyverno.io/v1";
  "kind": "ClusterPolicy";
  "metadata"?: IObjectMeta;
  "spec": {
    "admission"?: boolean;
    "applyRules"?: "All" | "One";
    "background"?: boolean;
    "emitWarning"?: boolean;
    "failurePolicy"?: "Ignore" | "Fail";
    "generateExisting"?: boolean;
    "generateExistingOnPolicyUpdate"?: boolean;
    "mutateExistingOnPolicyUpdate"?: boolean;
    "rules"?: Array<{
      "celPreconditions"?: Array<{
        "expression": string;
        "name": string;
      }>;
      "context"?: Array<{
        "apiCall"?: {
          "data"?: Array<{
            "key": string;
            "value": any;
          }>;
          "default"?: any;
          "jmesPath"?: string;
          "method"?: "GET" | "POST";
          "service"?: {
            "caBundle"?: string;
            "headers"?: Array<{
              "key": string;
              "value": string;
            }>;
            "url": string;
          };
          "urlPath"?: string;
        };
        "configMap"?: {
          "name": string;
          "namespace"?: string;
        };
        "globalReference"?: {
          "jmesPath"?: string;
          "name": string;
        };
        "imageRegistry"?: {
          "imageRegistryCredentials"?: {
            "allowInsecureRegistry"?: boolean;
            "providers"?: Array<"default" | "amazon" | "azure" | "google" | "github">;
            "secrets"?: Array<string>;
          };
          "jmesPath"?: string;
          "reference": string;
        };
        "name": string;
        "variable"?: {
          "default"?: any;
          "jmesPath"?: string;
          "value"?: any;
        };
      } & ({
        "apiCall"?: {
          "data"?: Array<{
            "key": string;
            "value": any;
          }>;
          "default"?: any;
          "jmesPath"?: string;
          "method"?: "GET" | "POST";
          "service"?: {
            "caBundle"?: string;
            "headers"?: Array<{
              "key": string;
              "value": string;
            }>;
            "url": string;
          };
          "urlPath"?: string;
        };
        "configMap": {
          "name": string;
          "namespace"?: string;
        };
        "globalReference"?: {
          "jmesPath"?: string;
          "name": string;
        };
        "imageRegistry"?: {
          "imageRegistryCredentials"?: {
            "allowInsecureRegistry"?: boolean;
            "providers"?: Array<"default" | "amazon" | "azure" | "google" | "github">;
            "secrets"?: Array<string>;
          };
          "jmesPath"?: string;
          "reference": string;
        };
        "name"?: string;
        "variable"?: {
          "default"?: any;
          "jmesPath"?: string;
          "value"?: any;
        };
      } | {
        "apiCall": {
          "data"?: Array<{
            "key": string;
            "value": any;
          }>;
          "default"?: any;
          "jmesPath"?: string;
          "method"?: "GET" | "POST";
          "service"?: {
            "caBundle"?: string;
            "headers"?: Array<{
              "key": string;
              "value": string;
            }>;
            "url": string;
          };
          "urlPath"?: string;
        };
        "configMap"?: {
          "name": string;
          "namespace"?: string;
        };
        "globalReference"?: {
          "jmesPath"?: string;
          "name": string;
        };
        "imageRegistry"?: {
          "imageRegistryCredentials"?: {
            "allowInsecureRegistry"?: boolean;
            "providers"?: Array<"default" | "amazon" | "azure" | "google" | "github">;
            "secrets"?: Array<string>;
          };
          "jmesPath"?: string;
          "reference": string;
        };
        "name"?: string;
        "variable"?: {
          "default"?: any;
          "jmesPath"?: string;
          "value"?: any;
        };
      } | {
        "apiCall"?: {
          "data"?: Array<{
            "key": string;
            "value": any;
          }>;
          "default"?: any;
          "jmesPath"?: string;
          "method"?: "GET" | "POST";
          "service"?: {
            "caBundle"?: string;
            "headers"?: Array<{
              "key": string;
              "value": string;
            }>;
            "url": string;
          };
          "urlPath"?: string;
        };
        "configMap"?: {
          "name": string;
          "namespace"?: string;
        };
        "globalReference"?: {
          "jmesPath"?: string;
          "name": string;
        };
        "imageRegistry": {
          "imageRegistryCredentials"?: {
            "allowInsecureRegistry"?: boolean;
            "providers"?: Array<"default" | "amazon" | "azure" | "google" | "github">;
            "secrets"?: Array<string>;
          };
          "jmesPath"?: string;
          "reference": string;
        };
        "name"?: string;
        "variable"?: {
          "default"?: any;
          "jmesPath"?: string;
          "value"?: any;
        };
      } | {
        "apiCall"?: {
          "data"?: Array<{
            "key": string;
            "value": any;
          }>;
          "default"?: any;
          "jmesPath"?: string;
          "method"?: "GET" | "POST";
          "service"?: {
            "caBundle"?: string;
            "headers"?: Array<{
              "key": string;
              "value": string;
            }>;
            "url": string;
          };
          "urlPath"?: string;
        };
        "configMap"?: {
          "name": string;
          "namespace"?: string;
        };
        "globalReference"?: {
          "jmesPath"?: string;
          "name": string;
        };
        "imageRegistry"?: {
          "imageRegistryCredentials"?: {
            "allowInsecureRegistry"?: boolean;
            "providers"?: Array<"default" | "amazon" | "azure" | "google" | "github">;
            "secrets"?: Array<string>;
          };
          "jmesPath"?: string;
          "reference": string;
        };
        "name"?: string;
        "variable": {
          "default"?: any;
          "jmesPath"?: string;
          "value"?: any;
        };
      } | {
        "apiCall"?: {
          "data"?: Array<{
            "key": string;
            "value": any;
          }>;
          "default"?: any;
          "jmesPath"?: string;
          "method"?: "GET" | "POST";
          "service"?: {
            "caBundle"?: string;
            "headers"?: Array<{
              "key": string;
              "value": string;
            }>;
            "url": string;
          };
          "urlPath"?: string;
        };
        "configMap"?: {
          "name": string;
          "namespace"?: string;
        };
        "globalReference": {
          "jmesPath"?: string;
          "name": string;
        };
        "imageRegistry"?: {
          "imageRegistryCredentials"?: {
            "allowInsecureRegistry"?: boolean;
            "providers"?: Array<"default" | "amazon" | "azure" | "google" | "github">;
            "secrets"?: Array<string>;
          };
          "jmesPath"?: string;
          "reference": string;
        };
        "name"?: string;
        "variable"?: {
          "default"?: any;
          "jmesPath"?: string;
          "value"?: any;
        };
      })>;
      "exclude"?: Exclude<{
        "all"?: Array<{
          "clusterRoles"?: Array<string>;
          "resources"?: Exclude<{
            "annotations"?: {
              [key: string]: string;
            };
            "kinds"?: Array<string>;
            "name"?: string;
            "names"?: Array<string>;
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
            "operations"?: Array<"CREATE" | "CONNECT" | "UPDATE" | "DELETE">;
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
          }, {
            "annotations"?: {
              [key: string]: string;
            };
            "kinds"?: Array<string>;
            "name": string;
            "names": Array<string>;
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
            "operations"?: Array<"CREATE" | "CONNECT" | "UPDATE" | "DELETE">;
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
          }>;
          "roles"?: Array<string>;
          "subjects"?: Array<{
            "apiGroup"?: string;
            "kind": string;
            "name": string;
            "namespace"?: string;
          }>;
        }>;
        "any"?: Array<{
          "clusterRoles"?: Array<string>;
          "resources"?: Exclude<{
            "annotations"?: {
              [key: string]: string;
            };
            "kinds"?: Array<string>;
            "name"?: string;
            "names"?: Array<string>;
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
            "operations"?: Array<"CREATE" | "CONNECT" | "UPDATE" | "DELETE">;
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
          }, {
            "annotations"?: {
              [key: string]: string;
            };
            "kinds"?: Array<string>;
            "name": string;
            "names": Array<string>;
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
            "operations"?: Array<"CREATE" | "CONNECT" | "UPDATE" | "DELETE">;
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
          }>;
          "roles"?: Array<string>;
          "subjects"?: Array<{
            "apiGroup"?: string;
            "kind": string;
            "name": string;
            "namespace"?: string;
          }>;
        }>;
        "clusterRoles"?: Array<string>;
        "resources"?: Exclude<{
          "annotations"?: {
            [key: string]: string;
          };
          "kinds"?: Array<string>;
          "name"?: string;
          "names"?: Array<string>;
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
          "operations"?: Array<"CREATE" | "CONNECT" | "UPDATE" | "DELETE">;
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
        }, {
          "annotations"?: {
            [key: string]: string;
          };
          "kinds"?: Array<string>;
          "name": string;
          "names": Array<string>;
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
          "operations"?: Array<"CREATE" | "CONNECT" | "UPDATE" | "DELETE">;
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
        }>;
        "roles"?: Array<string>;
        "subjects"?: Array<{
          "apiGroup"?: string;
          "kind": string;
          "name": string;
          "namespace"?: string;
        }>;
      }, {
        "all": Array<{
          "clusterRoles"?: Array<string>;
          "resources"?: Exclude<{
            "annotations"?: {
              [key: string]: string;
            };
            "kinds"?: Array<string>;
            "name"?: string;
            "names"?: Array<string>;
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
            "operations"?: Array<"CREATE" | "CONNECT" | "UPDATE" | "DELETE">;
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
          }, {
            "annotations"?: {
              [key: string]: string;
            };
            "kinds"?: Array<string>;
            "name": string;
            "names": Array<string>;
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
            "operations"?: Array<"CREATE" | "CONNECT" | "UPDATE" | "DELETE">;
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
          }>;
          "roles"?: Array<string>;
          "subjects"?: Array<{
            "apiGroup"?: string;
            "kind": string;
            "name": string;
            "namespace"?: string;
          }>;
        }>;
        "any": Array<{
          "clusterRoles"?: Array<string>;
          "resources"?: Exclude<{
            "annotations"?: {
              [key: string]: string;
            };
            "kinds"?: Array<string>;
            "name"?: string;
            "names"?: Array<string>;
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
            "operations"?: Array<"CREATE" | "CONNECT" | "UPDATE" | "DELETE">;
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
          }, {
            "annotations"?: {
              [key: string]: string;
            };
            "kinds"?: Array<string>;
            "name": string;
            "names": Array<string>;
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
            "operations"?: Array<"CREATE" | "CONNECT" | "UPDATE" | "DELETE">;
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
          }>;
          "roles"?: Array<string>;
          "subjects"?: Array<{
            "apiGroup"?: string;
            "kind": string;
            "name": string;
            "namespace"?: string;
          }>;
        }>;
        "clusterRoles"?: Array<string>;
        "resources"?: Exclude<{
          "annotations"?: {
            [key: string]: string;
          };
          "kinds"?: Array<string>;
          "name"?: string;
          "names"?: Array<string>;
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
          "operations"?: Array<"CREATE" | "CONNECT" | "UPDATE" | "DELETE">;
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
        }, {
          "annotations"?: {
            [key: string]: string;
          };
          "kinds"?: Array<string>;
          "name": string;
          "names": Array<string>;
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
          "operations"?: Array<"CREATE" | "CONNECT" | "UPDATE" | "DELETE">;
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
        }>;
        "roles"?: Array<string>;
        "subjects"?: Array<{
          "apiGroup"?: string;
          "kind": string;
          "name": string;
          "namespace"?: string;
        }>;
      }>;
      "generate"?: {
        "apiVersion"?: string;
        "clone"?: {
          "name"?: string;
          "namespace"?: string;
        };
        "cloneList"?: {
          "kinds"?: Array<string>;
          "namespace"?: string;
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
        };
        "data"?: any;
        "foreach"?: Array<{
          "apiVersion"?: string;
          "clone"?: {
            "name"?: string;
            "namespace"?: string;
          };
          "cloneList"?: {
            "kinds"?: Array<string>;
            "namespace"?: string;
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
          };
          "context"?: Array<{
            "apiCall"?: {
              "data"?: Array<{
                "key": string;
                "value": any;
              }>;
              "default"?: any;
              "jmesPath"?: string;
              "method"?: "GET" | "POST";
              "service"?: {
                "caBundle"?: string;
                "headers"?: Array<{
                  "key": string;
                  "value": string;
                }>;
                "url": string;
              };
              "urlPath"?: string;
            };
            "configMap"?: {
              "name": string;
              "namespace"?: string;
            };
            "globalReference"?: {
              "jmesPath"?: string;
              "name": string;
            };
            "imageRegistry"?: {
              "imageRegistryCredentials"?: {
                "allowInsecureRegistry"?: boolean;
                "providers"?: Array<"default" | "amazon" | "azure" | "google" | "github">;
                "secrets"?: Array<string>;
              };
              "jmesPath"?: string;
              "reference": string;
            };
            "name": string;
            "variable"?: {
              "default"?: any;
              "jmesPath"?: string;
              "value"?: any;
            };
          } & ({
            "apiCall"?: {
              "data"?: Array<{
                "key": string;
                "value": any;
              }>;
              "default"?: any;
              "jmesPath"?: string;
              "method"?: "GET" | "POST";
              "service"?: {
                "caBundle"?: string;
                "headers"?: Array<{
                  "key": string;
                  "value": string;
                }>;
                "url": string;
              };
              "urlPath"?: string;
            };
            "configMap": {
              "name": string;
              "namespace"?: string;
            };
            "globalReference"?: {
              "jmesPath"?: string;
              "name": string;
            };
            "imageRegistry"?: {
              "imageRegistryCredentials"?: {
                "allowInsecureRegistry"?: boolean;
                "providers"?: Array<"default" | "amazon" | "azure" | "google" | "github">;
                "secrets"?: Array<string>;
              };
              "jmesPath"?: string;
              "reference": string;
            };
            "name"?: string;
            "variable"?: {
              "default"?: any;
              "jmesPath"?: string;
              "value"?: any;
            };
          } | {
            "apiCall": {
              "data"?: Array<{
                "key": string;
                "value": any;
              }>;
              "default"?: any;
              "jmesPath"?: string;
              "method"?: "GET" | "POST";
              "service"?: {
                "caBundle"?: string;
                "headers"?: Array<{
                  "key": string;
                  "value": string;
                }>;
                "url": string;
              };
              "urlPath"?: string;
            };
            "configMap"?: {
              "name": string;
              "namespace"?: string;
            };
            "globalReference"?: {
              "jmesPath"?: string;
              "name": string;
            };
            "imageRegistry"?: {
              "imageRegistryCredentials"?: {
                "allowInsecureRegistry"?: boolean;
                "providers"?: Array<"default" | "amazon" | "azure" | "google" | "github">;
                "secrets"?: Array<string>;
              };
              "jmesPath"?: string;
              "reference": string;
            };
            "name"?: string;
            "variable"?: {
              "default"?: any;
              "jmesPath"?: string;
              "value"?: any;
            };
          } | {
            "apiCall"?: {
              "data"?: Array<{
                "key": string;
                "value": any;
              }>;
              "default"?: any;
              "jmesPath"?: string;
              "method"?: "GET" | "POST";
              "service"?: {
                "caBundle"?: string;
                "headers"?: Array<{
                  "key": string;
                  "value": string;
                }>;
                "url": string;
              };
              "urlPath"?: string;
            };
            "configMap"?: {
              "name": string;
              "namespace"?: string;
            };
            "globalReference"?: {
              "jmesPath"?: string;
              "name": string;
            };
            "imageRegistry": {
              "imageRegistryCredentials"?: {
                "allowInsecureRegistry"?: boolean;
                "providers"?: Array<"default" | "amazon" | "azure" | "google" | "github">;
                "secrets"?: Array<string>;
              };
              "jmesPath"?: string;
              "reference": string;
            };
            "name"?: string;
            "variable"?: {
              "default"?: any;
              "jmesPath"?: string;
              "value"?: any;
            };
          } | {
            "apiCall"?: {
              "data"?: Array<{
                "key": string;
                "value": any;
              }>;
              "default"?: any;
              "jmesPath"?: string;
              "method"?: "GET" | "POST";
              "service"?: {
                "caBundle"?: string;
                "headers"?: Array<{
                  "key": string;
                  "value": string;
                }>;
                "url": string;
              };
              "urlPath"?: string;
            };
            "configMap"?: {
              "name": string;
              "namespace"?: string;
            };
            "globalReference"?: {
              "jmesPath"?: string;
              "name": string;
            };
            "imageRegistry"?: {
              "imageRegistryCredentials"?: {
                "allowInsecureRegistry"?: boolean;
                "providers"?: Array<"default" | "amazon" | "azure" | "google" | "github">;
                "secrets"?: Array<string>;
              };
              "jmesPath"?: string;
              "reference": string;
            };
            "name"?: string;
            "variable": {
              "default"?: any;
              "jmesPath"?: string;
              "value"?: any;
            };
          } | {
            "apiCall"?: {
              "data"?: Array<{
                "key": string;
                "value": any;
              }>;
              "default"?: any;
              "jmesPath"?: string;
              "method"?: "GET" | "POST";
              "service"?: {
                "caBundle"?: string;
                "headers"?: Array<{
                  "key": string;
                  "value": string;
                }>;
                "url": string;
              };
              "urlPath"?: string;
            };
            "configMap"?: {
              "name": string;
              "namespace"?: string;
            };
            "globalReference": {
              "jmesPath"?: string;
              "name": string;
            };
            "imageRegistry"?: {
              "imageRegistryCredentials"?: {
                "allowInsecureRegistry"?: boolean;
                "providers"?: Array<"default" | "amazon" | "azure" | "google" | "github">;
                "secrets"?: Array<string>;
              };
              "jmesPath"?: string;
              "reference": string;
            };
            "name"?: string;
            "variable"?: {
              "default"?: any;
              "jmesPath"?: string;
              "value"?: any;
            };
          })>;
          "data"?: any;
          "kind"?: string;
          "list"?: string;
          "name"?: string;
          "namespace"?: string;
          "preconditions"?: {
            "all"?: Array<{
              "key"?: any;
              "message"?: string;
              "operator"?: "Equals" | "NotEquals" | "In" | "AnyIn" | "AllIn" | "NotIn" | "AnyNotIn" | "AllNotIn" | "GreaterThanOrEquals" | "GreaterThan" | "LessThanOrEquals" | "LessThan" | "DurationGreaterThanOrEquals" | "DurationGreaterThan" | "DurationLessThanOrEquals" | "DurationLessThan";
              "value"?: any;
            }>;
            "any"?: Array<{
              "key"?: any;
              "message"?: string;
              "operator"?: "Equals" | "NotEquals" | "In" | "AnyIn" | "AllIn" | "NotIn" | "AnyNotIn" | "AllNotIn" | "GreaterThanOrEquals" | "GreaterThan" | "LessThanOrEquals" | "LessThan" | "DurationGreaterThanOrEquals" | "DurationGreaterThan" | "DurationLessThanOrEquals" | "DurationLessThan";
              "value"?: any;
            }>;
          };
          "uid"?: string;
        }>;
        "generateExisting"?: boolean;
        "kind"?: string;
        "name"?: string;
        "namespace"?: string;
        "orphanDownstreamOnPolicyDelete"?: boolean;
        "synchronize"?: boolean;
        "uid"?: string;
      };
      "imageExtractors"?: {
        [key: string]: Array<{
          "jmesPath"?: string;
          "key"?: string;
          "name"?: string;
          "path": string;
          "value"?: string;
        }>;
      };
      "match": Exclude<{
        "all"?: Array<{
          "clusterRoles"?: Array<string>;
          "resources"?: Exclude<{
            "annotations"?: {
              [key: string]: string;
            };
            "kinds"?: Array<string>;
            "name"?: string;
            "names"?: Array<string>;
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
            "operations"?: Array<"CREATE" | "CONNECT" | "UPDATE" | "DELETE">;
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
          }, {
            "annotations"?: {
              [key: string]: string;
            };
            "kinds"?: Array<string>;
            "name": string;
            "names": Array<string>;
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
            "operations"?: Array<"CREATE" | "CONNECT" | "UPDATE" | "DELETE">;
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
          }>;
          "roles"?: Array<string>;
          "subjects"?: Array<{
            "apiGroup"?: string;
            "kind": string;
            "name": string;
            "namespace"?: string;
          }>;
        }>;
        "any"?: Array<{
          "clusterRoles"?: Array<string>;
          "resources"?: Exclude<{
            "annotations"?: {
              [key: string]: string;
            };
            "kinds"?: Array<string>;
            "name"?: string;
            "names"?: Array<string>;
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
            "operations"?: Array<"CREATE" | "CONNECT" | "UPDATE" | "DELETE">;
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
          }, {
            "annotations"?: {
              [key: string]: string;
            };
            "kinds"?: Array<string>;
            "name": string;
            "names": Array<string>;
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
            "operations"?: Array<"CREATE" | "CONNECT" | "UPDATE" | "DELETE">;
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
          }>;
          "roles"?: Array<string>;
          "subjects"?: Array<{
            "apiGroup"?: string;
            "kind": string;
            "name": string;
            "namespace"?: string;
          }>;
        }>;
        "clusterRoles"?: Array<string>;
        "resources"?: Exclude<{
          "annotations"?: {
            [key: string]: string;
          };
          "kinds"?: Array<string>;
          "name"?: string;
          "names"?: Array<string>;
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
          "operations"?: Array<"CREATE" | "CONNECT" | "UPDATE" | "DELETE">;
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
        }, {
          "annotations"?: {
            [key: string]: string;
          };
          "kinds"?: Array<string>;
          "name": string;
          "names": Array<string>;
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
          "operations"?: Array<"CREATE" | "CONNECT" | "UPDATE" | "DELETE">;
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
        }>;
        "roles"?: Array<string>;
        "subjects"?: Array<{
          "apiGroup"?: string;
          "kind": string;
          "name": string;
          "namespace"?: string;
        }>;
      }, {
        "all": Array<{
          "clusterRoles"?: Array<string>;
          "resources"?: Exclude<{
            "annotations"?: {
              [key: string]: string;
            };
            "kinds"?: Array<string>;
            "name"?: string;
            "names"?: Array<string>;
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
            "operations"?: Array<"CREATE" | "CONNECT" | "UPDATE" | "DELETE">;
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
          }, {
            "annotations"?: {
              [key: string]: string;
            };
            "kinds"?: Array<string>;
            "name": string;
            "names": Array<string>;
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
            "operations"?: Array<"CREATE" | "CONNECT" | "UPDATE" | "DELETE">;
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
          }>;
          "roles"?: Array<string>;
          "subjects"?: Array<{
            "apiGroup"?: string;
            "kind": string;
            "name": string;
            "namespace"?: string;
          }>;
        }>;
        "any": Array<{
          "clusterRoles"?: Array<string>;
          "resources"?: Exclude<{
            "annotations"?: {
              [key: string]: string;
            };
            "kinds"?: Array<string>;
            "name"?: string;
            "names"?: Array<string>;
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
            "operations"?: Array<"CREATE" | "CONNECT" | "UPDATE" | "DELETE">;
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
          }, {
            "annotations"?: {
              [key: string]: string;
            };
            "kinds"?: Array<string>;
            "name": string;
            "names": Array<string>;
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
            "operations"?: Array<"CREATE" | "CONNECT" | "UPDATE" | "DELETE">;
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
          }>;
          "roles"?: Array<string>;
          "subjects"?: Array<{
            "apiGroup"?: string;
            "kind": string;
            "name": string;
            "namespace"?: string;
          }>;
        }>;
        "clusterRoles"?: Array<string>;
        "resources"?: Exclude<{
          "annotations"?: {
            [key: string]: string;
          };
          "kinds"?: Array<string>;
          "name"?: string;
          "names"?: Array<string>;
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
          "operations"?: Array<"CREATE" | "CONNECT" | "UPDATE" | "DELETE">;
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
        }, {
          "annotations"?: {
            [key: string]: string;
          };
          "kinds"?: Array<string>;
          "name": string;
          "names": Array<string>;
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
          "operations"?: Array<"CREATE" | "CONNECT" | "UPDATE" | "DELETE">;
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
        }>;
        "roles"?: Array<string>;
        "subjects"?: Array<{
          "apiGroup"?: string;
          "kind": string;
          "name": string;
          "namespace"?: string;
        }>;
      }>;
      "mutate"?: {
        "foreach"?: Array<{
          "context"?: Array<{
            "apiCall"?: {
              "data"?: Array<{
                "key": string;
                "value": any;
              }>;
              "default"?: any;
              "jmesPath"?: string;
              "method"?: "GET" | "POST";
              "service"?: {
                "caBundle"?: string;
                "headers"?: Array<{
                  "key": string;
                  "value": string;
                }>;
                "url": string;
              };
              "urlPath"?: string;
            };
            "configMap"?: {
              "name": string;
              "namespace"?: string;
            };
            "globalReference"?: {
              "jmesPath"?: string;
              "name": string;
            };
            "imageRegistry"?: {
              "imageRegistryCredentials"?: {
                "allowInsecureRegistry"?: boolean;
                "providers"?: Array<"default" | "amazon" | "azure" | "google" | "github">;
                "secrets"?: Array<string>;
              };
              "jmesPath"?: string;
              "reference": string;
            };
            "name": string;
            "variable"?: {
              "default"?: any;
              "jmesPath"?: string;
              "value"?: any;
            };
          } & ({
            "apiCall"?: {
              "data"?: Array<{
                "key": string;
                "value": any;
              }>;
              "default"?: any;
              "jmesPath"?: string;
              "method"?: "GET" | "POST";
              "service"?: {
                "caBundle"?: string;
                "headers"?: Array<{
                  "key": string;
                  "value": string;
                }>;
                "url": string;
              };
              "urlPath"?: string;
            };
            "configMap": {
              "name": string;
              "namespace"?: string;
            };
            "globalReference"?: {
              "jmesPath"?: string;
              "name": string;
            };
            "imageRegistry"?: {
              "imageRegistryCredentials"?: {
                "allowInsecureRegistry"?: boolean;
                "providers"?: Array<"default" | "amazon" | "azure" | "google" | "github">;
                "secrets"?: Array<string>;
              };
              "jmesPath"?: string;
              "reference": string;
            };
            "name"?: string;
            "variable"?: {
              "default"?: any;
              "jmesPath"?: string;
              "value"?: any;
            };
          } | {
            "apiCall": {
              "data"?: Array<{
                "key": string;
                "value": any;
              }>;
              "default"?: any;
              "jmesPath"?: string;
              "method"?: "GET" | "POST";
              "service"?: {
                "caBundle"?: string;
                "headers"?: Array<{
                  "key": string;
                  "value": string;
                }>;
                "url": string;
              };
              "urlPath"?: string;
            };
            "configMap"?: {
              "name": string;
              "namespace"?: string;
            };
            "globalReference"?: {
              "jmesPath"?: string;
              "name": string;
            };
            "imageRegistry"?: {
              "imageRegistryCredentials"?: {
                "allowInsecureRegistry"?: boolean;
                "providers"?: Array<"default" | "amazon" | "azure" | "google" | "github">;
                "secrets"?: Array<string>;
              };
              "jmesPath"?: string;
              "reference": string;
            };
            "name"?: string;
            "variable"?: {
              "default"?: any;
              "jmesPath"?: string;
              "value"?: any;
            };
          } | {
            "apiCall"?: {
              "data"?: Array<{
                "key": string;
                "value": any;
              }>;
              "default"?: any;
              "jmesPath"?: string;
              "method"?: "GET" | "POST";
              "service"?: {
                "caBundle"?: string;
                "headers"?: Array<{
                  "key": string;
                  "value": string;
                }>;
                "url": string;
              };
              "urlPath"?: string;
            };
            "configMap"?: {
              "name": string;
              "namespace"?: string;
            };
            "globalReference"?: {
              "jmesPath"?: string;
              "name": string;
            };
            "imageRegistry": {
              "imageRegistryCredentials"?: {
                "allowInsecureRegistry"?: boolean;
                "providers"?: Array<"default" | "amazon" | "azure" | "google" | "github">;
                "secrets"?: Array<string>;
              };
              "jmesPath"?: string;
              "reference": string;
            };
            "name"?: string;
            "variable"?: {
              "default"?: any;
              "jmesPath"?: string;
              "value"?: any;
            };
          } | {
            "apiCall"?: {
              "data"?: Array<{
                "key": string;
                "value": any;
              }>;
              "default"?: any;
              "jmesPath"?: string;
              "method"?: "GET" | "POST";
              "service"?: {
                "caBundle"?: string;
                "headers"?: Array<{
                  "key": string;
                  "value": string;
                }>;
                "url": string;
              };
              "urlPath"?: string;
            };
            "configMap"?: {
              "name": string;
              "namespace"?: string;
            };
            "globalReference"?: {
              "jmesPath"?: string;
              "name": string;
            };
            "imageRegistry"?: {
              "imageRegistryCredentials"?: {
                "allowInsecureRegistry"?: boolean;
                "providers"?: Array<"default" | "amazon" | "azure" | "google" | "github">;
                "secrets"?: Array<string>;
              };
              "jmesPath"?: string;
              "reference": string;
            };
            "name"?: string;
            "variable": {
              "default"?: any;
              "jmesPath"?: string;
              "value"?: any;
            };
          } | {
            "apiCall"?: {
              "data"?: Array<{
                "key": string;
                "value": any;
              }>;
              "default"?: any;
              "jmesPath"?: string;
              "method"?: "GET" | "POST";
              "service"?: {
                "caBundle"?: string;
                "headers"?: Array<{
                  "key": string;
                  "value": string;
                }>;
                "url": string;
              };
              "urlPath"?: string;
            };
            "configMap"?: {
              "name": string;
              "namespace"?: string;
            };
            "globalReference": {
              "jmesPath"?: string;
              "name": string;
            };
            "imageRegistry"?: {
              "imageRegistryCredentials"?: {
                "allowInsecureRegistry"?: boolean;
                "providers"?: Array<"default" | "amazon" | "azure" | "google" | "github">;
                "secrets"?: Array<string>;
              };
              "jmesPath"?: string;
              "reference": string;
            };
            "name"?: string;
            "variable"?: {
              "default"?: any;
              "jmesPath"?: string;
              "value"?: any;
            };
          })>;
          "foreach"?: any;
          "list"?: string;
          "order"?: "Ascending" | "Descending";
          "patchStrategicMerge"?: any;
          "patchesJson6902"?: string;
          "preconditions"?: {
            "all"?: Array<{
              "key"?: any;
              "message"?: string;
              "operator"?: "Equals" | "NotEquals" | "In" | "AnyIn" | "AllIn" | "NotIn" | "AnyNotIn" | "AllNotIn" | "GreaterThanOrEquals" | "GreaterThan" | "LessThanOrEquals" | "LessThan" | "DurationGreaterThanOrEquals" | "DurationGreaterThan" | "DurationLessThanOrEquals" | "DurationLessThan";
              "value"?: any;
            }>;
            "any"?: Array<{
              "key"?: any;
              "message"?: string;
              "operator"?: "Equals" | "NotEquals" | "In" | "AnyIn" | "AllIn" | "NotIn" | "AnyNotIn" | "AllNotIn" | "GreaterThanOrEquals" | "GreaterThan" | "LessThanOrEquals" | "LessThan" | "DurationGreaterThanOrEquals" | "DurationGreaterThan" | "DurationLessThanOrEquals" | "DurationLessThan";
              "value"?: any;
            }>;
          };
        }>;
        "mutateExistingOnPolicyUpdate"?: boolean;
        "patchStrategicMerge"?: any;
        "patchesJson6902"?: string;
        "targets"?: Array<{
          "apiVersion"?: string;
          "context"?: Array<{
            "apiCall"?: {
              "data"?: Array<{
                "key": string;
                "value": any;
              }>;
              "default"?: any;
              "jmesPath"?: string;
              "method"?: "GET" | "POST";
              "service"?: {
                "caBundle"?: string;
                "headers"?: Array<{
                  "key": string;
                  "value": string;
                }>;
                "url": string;
              };
              "urlPath"?: string;
            };
            "configMap"?: {
              "name": string;
              "namespace"?: string;
            };
            "globalReference"?: {
              "jmesPath"?: string;
              "name": string;
            };
            "imageRegistry"?: {
              "imageRegistryCredentials"?: {
                "allowInsecureRegistry"?: boolean;
                "providers"?: Array<"default" | "amazon" | "azure" | "google" | "github">;
                "secrets"?: Array<string>;
              };
              "jmesPath"?: string;
              "reference": string;
            };
            "name": string;
            "variable"?: {
              "default"?: any;
              "jmesPath"?: string;
              "value"?: any;
            };
          } & ({
            "apiCall"?: {
              "data"?: Array<{
                "key": string;
                "value": any;
              }>;
              "default"?: any;
              "jmesPath"?: string;
              "method"?: "GET" | "POST";
              "service"?: {
                "caBundle"?: string;
                "headers"?: Array<{
                  "key": string;
                  "value": string;
                }>;
                "url": string;
              };
              "urlPath"?: string;
            };
            "configMap": {
              "name": string;
              "namespace"?: string;
            };
            "globalReference"?: {
              "jmesPath"?: string;
              "name": string;
            };
            "imageRegistry"?: {
              "imageRegistryCredentials"?: {
                "allowInsecureRegistry"?: boolean;
                "providers"?: Array<"default" | "amazon" | "azure" | "google" | "github">;
                "secrets"?: Array<string>;
              };
              "jmesPath"?: string;
              "reference": string;
            };
            "name"?: string;
            "variable"?: {
              "default"?: any;
              "jmesPath"?: string;
              "value"?: any;
            };
          } | {
            "apiCall": {
              "data"?: Array<{
                "key": string;
                "value": any;
              }>;
              "default"?: any;
              "jmesPath"?: string;
              "method"?: "GET" | "POST";
              "service"?: {
                "caBundle"?: string;
                "headers"?: Array<{
                  "key": string;
                  "value": string;
                }>;
                "url": string;
              };
              "urlPath"?: string;
            };
            "configMap"?: {
              "name": string;
              "namespace"?: string;
            };
            "globalReference"?: {
              "jmesPath"?: string;
              "name": string;
            };
            "imageRegistry"?: {
              "imageRegistryCredentials"?: {
                "allowInsecureRegistry"?: boolean;
                "providers"?: Array<"default" | "amazon" | "azure" | "google" | "github">;
                "secrets"?: Array<string>;
              };
              "jmesPath"?: string;
              "reference": string;
            };
            "name"?: string;
            "variable"?: {
              "default"?: any;
              "jmesPath"?: string;
              "value"?: any;
            };
          } | {
            "apiCall"?: {
              "data"?: Array<{
                "key": string;
                "value": any;
              }>;
              "default"?: any;
              "jmesPath"?: string;
              "method"?: "GET" | "POST";
              "service"?: {
                "caBundle"?: string;
                "headers"?: Array<{
                  "key": string;
                  "value": string;
                }>;
                "url": string;
              };
              "urlPath"?: string;
            };
            "configMap"?: {
              "name": string;
              "namespace"?: string;
            };
            "globalReference"?: {
              "jmesPath"?: string;
              "name": string;
            };
            "imageRegistry": {
              "imageRegistryCredentials"?: {
                "allowInsecureRegistry"?: boolean;
                "providers"?: Array<"default" | "amazon" | "azure" | "google" | "github">;
                "secrets"?: Array<string>;
              };
              "jmesPath"?: string;
              "reference": string;
            };
            "name"?: string;
            "variable"?: {
              "default"?: any;
              "jmesPath"?: string;
              "value"?: any;
            };
          } | {
            "apiCall"?: {
              "data"?: Array<{
                "key": string;
                "value": any;
              }>;
              "default"?: any;
              "jmesPath"?: string;
              "method"?: "GET" | "POST";
              "service"?: {
                "caBundle"?: string;
                "headers"?: Array<{
                  "key": string;
                  "value": string;
                }>;
                "url": string;
              };
              "urlPath"?: string;
            };
            "configMap"?: {
              "name": string;
              "namespace"?: string;
            };
            "globalReference"?: {
              "jmesPath"?: string;
              "name": string;
            };
            "imageRegistry"?: {
              "imageRegistryCredentials"?: {
                "allowInsecureRegistry"?: boolean;
                "providers"?: Array<"default" | "amazon" | "azure" | "google" | "github">;
                "secrets"?: Array<string>;
              };
              "jmesPath"?: string;
              "reference": string;
            };
            "name"?: string;
            "variable": {
              "default"?: any;
              "jmesPath"?: string;
              "value"?: any;
            };
          } | {
            "apiCall"?: {
              "data"?: Array<{
                "key": string;
                "value": any;
              }>;
              "default"?: any;
              "jmesPath"?: string;
              "method"?: "GET" | "POST";
              "service"?: {
                "caBundle"?: string;
                "headers"?: Array<{
                  "key": string;
                  "value": string;
                }>;
                "url": string;
              };
              "urlPath"?: string;
            };
            "configMap"?: {
              "name": string;
              "namespace"?: string;
            };
            "globalReference": {
              "jmesPath"?: string;
              "name": string;
            };
            "imageRegistry"?: {
              "imageRegistryCredentials"?: {
                "allowInsecureRegistry"?: boolean;
                "providers"?: Array<"default" | "amazon" | "azure" | "google" | "github">;
                "secrets"?: Array<string>;
              };
              "jmesPath"?: string;
              "reference": string;
            };
            "name"?: string;
            "variable"?: {
              "default"?: any;
              "jmesPath"?: string;
              "value"?: any;
            };
          })>;
          "kind"?: string;
          "name"?: string;
          "namespace"?: string;
          "preconditions"?: any;
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
          "uid"?: string;
        }>;
      };
      "name": string;
      "preconditions"?: any;
      "reportProperties"?: {
        [key: string]: string;
      };
      "skipBackgroundRequests"?: boolean;
      "validate"?: {
        "allowExistingViolations"?: boolean;
        "anyPattern"?: any;
        "assert"?: {
        };
        "cel"?: {
          "auditAnnotations"?: Array<{
            "key": string;
            "valueExpression": string;
          }>;
          "expressions"?: Array<{
            "expression": string;
            "message"?: string;
            "messageExpression"?: string;
            "reason"?: string;
          }>;
          "generate"?: boolean;
          "paramKind"?: {
            "apiVersion"?: string;
            "kind"?: string;
          };
          "paramRef"?: {
            "name"?: string;
            "namespace"?: string;
            "parameterNotFoundAction"?: string;
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
          };
          "variables"?: Array<{
            "expression": string;
            "name": string;
          }>;
        };
        "deny"?: {
          "conditions"?: any;
        };
        "failureAction"?: "Audit" | "Enforce";
        "failureActionOverrides"?: Array<{
          "action"?: "audit" | "enforce" | "Audit" | "Enforce";
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
        "foreach"?: Array<{
          "anyPattern"?: any;
          "context"?: Array<{
            "apiCall"?: {
              "data"?: Array<{
                "key": string;
                "value": any;
              }>;
              "default"?: any;
              "jmesPath"?: string;
              "method"?: "GET" | "POST";
              "service"?: {
                "caBundle"?: string;
                "headers"?: Array<{
                  "key": string;
                  "value": string;
                }>;
                "url": string;
              };
              "urlPath"?: string;
            };
            "configMap"?: {
              "name": string;
              "namespace"?: string;
            };
            "globalReference"?: {
              "jmesPath"?: string;
              "name": string;
            };
            "imageRegistry"?: {
              "imageRegistryCredentials"?: {
                "allowInsecureRegistry"?: boolean;
                "providers"?: Array<"default" | "amazon" | "azure" | "google" | "github">;
                "secrets"?: Array<string>;
              };
              "jmesPath"?: string;
              "reference": string;
            };
            "name": string;
            "variable"?: {
              "default"?: any;
              "jmesPath"?: string;
              "value"?: any;
            };
          } & ({
            "apiCall"?: {
              "data"?: Array<{
                "key": string;
                "value": any;
              }>;
              "default"?: any;
              "jmesPath"?: string;
              "method"?: "GET" | "POST";
              "service"?: {
                "caBundle"?: string;
                "headers"?: Array<{
                  "key": string;
                  "value": string;
                }>;
                "url": string;
              };
              "urlPath"?: string;
            };
            "configMap": {
              "name": string;
              "namespace"?: string;
            };
            "globalReference"?: {
              "jmesPath"?: string;
              "name": string;
            };
            "imageRegistry"?: {
              "imageRegistryCredentials"?: {
                "allowInsecureRegistry"?: boolean;
                "providers"?: Array<"default" | "amazon" | "azure" | "google" | "github">;
                "secrets"?: Array<string>;
              };
              "jmesPath"?: string;
              "reference": string;
            };
            "name"?: string;
            "variable"?: {
              "default"?: any;
              "jmesPath"?: string;
              "value"?: any;
            };
          } | {
            "apiCall": {
              "data"?: Array<{
                "key": string;
                "value": any;
              }>;
              "default"?: any;
              "jmesPath"?: string;
              "method"?: "GET" | "POST";
              "service"?: {
                "caBundle"?: string;
                "headers"?: Array<{
                  "key": string;
                  "value": string;
                }>;
                "url": string;
              };
              "urlPath"?: string;
            };
            "configMap"?: {
              "name": string;
              "namespace"?: string;
            };
            "globalReference"?: {
              "jmesPath"?: string;
              "name": string;
            };
            "imageRegistry"?: {
              "imageRegistryCredentials"?: {
                "allowInsecureRegistry"?: boolean;
                "providers"?: Array<"default" | "amazon" | "azure" | "google" | "github">;
                "secrets"?: Array<string>;
              };
              "jmesPath"?: string;
              "reference": string;
            };
            "name"?: string;
            "variable"?: {
              "default"?: any;
              "jmesPath"?: string;
              "value"?: any;
            };
          } | {
            "apiCall"?: {
              "data"?: Array<{
                "key": string;
                "value": any;
              }>;
              "default"?: any;
              "jmesPath"?: string;
              "method"?: "GET" | "POST";
              "service"?: {
                "caBundle"?: string;
                "headers"?: Array<{
                  "key": string;
                  "value": string;
                }>;
                "url": string;
              };
              "urlPath"?: string;
            };
            "configMap"?: {
              "name": string;
              "namespace"?: string;
            };
            "globalReference"?: {
              "jmesPath"?: string;
              "name": string;
            };
            "imageRegistry": {
              "imageRegistryCredentials"?: {
                "allowInsecureRegistry"?: boolean;
                "providers"?: Array<"default" | "amazon" | "azure" | "google" | "github">;
                "secrets"?: Array<string>;
              };
              "jmesPath"?: string;
              "reference": string;
            };
            "name"?: string;
            "variable"?: {
              "default"?: any;
              "jmesPath"?: string;
              "value"?: any;
            };
          } | {
            "apiCall"?: {
              "data"?: Array<{
                "key": string;
                "value": any;
              }>;
              "default"?: any;
              "jmesPath"?: string;
              "method"?: "GET" | "POST";
              "service"?: {
                "caBundle"?: string;
                "headers"?: Array<{
                  "key": string;
                  "value": string;
                }>;
                "url": string;
              };
              "urlPath"?: string;
            };
            "configMap"?: {
              "name": string;
              "namespace"?: string;
            };
            "globalReference"?: {
              "jmesPath"?: string;
              "name": string;
            };
            "imageRegistry"?: {
              "imageRegistryCredentials"?: {
                "allowInsecureRegistry"?: boolean;
                "providers"?: Array<"default" | "amazon" | "azure" | "google" | "github">;
                "secrets"?: Array<string>;
              };
              "jmesPath"?: string;
              "reference": string;
            };
            "name"?: string;
            "variable": {
              "default"?: any;
              "jmesPath"?: string;
              "value"?: any;
            };
          } | {
            "apiCall"?: {
              "data"?: Array<{
                "key": string;
                "value": any;
              }>;
              "default"?: any;
              "jmesPath"?: string;
              "method"?: "GET" | "POST";
              "service"?: {
                "caBundle"?: string;
                "headers"?: Array<{
                  "key": string;
                  "value": string;
                }>;
                "url": string;
              };
              "urlPath"?: string;
            };
            "configMap"?: {
              "name": string;
              "namespace"?: string;
            };
            "globalReference": {
              "jmesPath"?: string;
              "name": string;
            };
            "imageRegistry"?: {
              "imageRegistryCredentials"?: {
                "allowInsecureRegistry"?: boolean;
                "providers"?: Array<"default" | "amazon" | "azure" | "google" | "github">;
                "secrets"?: Array<string>;
              };
              "jmesPath"?: string;
              "reference": string;
            };
            "name"?: string;
            "variable"?: {
              "default"?: any;
              "jmesPath"?: string;
              "value"?: any;
            };
          })>;
          "deny"?: {
            "conditions"?: any;
          };
          "elementScope"?: boolean;
          "foreach"?: any;
          "list"?: string;
          "pattern"?: any;
          "preconditions"?: {
            "all"?: Array<{
              "key"?: any;
              "message"?: string;
              "operator"?: "Equals" | "NotEquals" | "In" | "AnyIn" | "AllIn" | "NotIn" | "AnyNotIn" | "AllNotIn" | "GreaterThanOrEquals" | "GreaterThan" | "LessThanOrEquals" | "LessThan" | "DurationGreaterThanOrEquals" | "DurationGreaterThan" | "DurationLessThanOrEquals" | "DurationLessThan";
              "value"?: any;
            }>;
            "any"?: Array<{
              "key"?: any;
              "message"?: string;
              "operator"?: "Equals" | "NotEquals" | "In" | "AnyIn" | "AllIn" | "NotIn" | "AnyNotIn" | "AllNotIn" | "GreaterThanOrEquals" | "GreaterThan" | "LessThanOrEquals" | "LessThan" | "DurationGreaterThanOrEquals" | "DurationGreaterThan" | "DurationLessThanOrEquals" | "DurationLessThan";
              "value"?: any;
            }>;
          };
        }>;
        "manifests"?: {
          "annotationDomain"?: string;
          "attestors"?: Array<{
            "count"?: number;
            "entries"?: Array<{
              "annotations"?: {
                [key: string]: string;
              };
              "attestor"?: any;
              "certificates"?: {
                "cert"?: string;
                "certChain"?: string;
                "ctlog"?: {
                  "ignoreSCT"?: boolean;
                  "pubkey"?: string;
                  "tsaCertChain"?: string;
                };
                "rekor"?: {
                  "ignoreTlog"?: boolean;
                  "pubkey"?: string;
                  "url"?: string;
                };
              };
              "keyless"?: {
                "additionalExtensions"?: {
                  [key: string]: string;
                };
                "ctlog"?: {
                  "ignoreSCT"?: boolean;
                  "pubkey"?: string;
                  "tsaCertChain"?: string;
                };
                "issuer"?: string;
                "issuerRegExp"?: string;
                "rekor"?: {
                  "ignoreTlog"?: boolean;
                  "pubkey"?: string;
                  "url"?: string;
                };
                "roots"?: string;
                "subject"?: string;
                "subjectRegExp"?: string;
              };
              "keys"?: {
                "ctlog"?: {
                  "ignoreSCT"?: boolean;
                  "pubkey"?: string;
                  "tsaCertChain"?: string;
                };
                "kms"?: string;
                "publicKeys"?: string;
                "rekor"?: {
                  "ignoreTlog"?: boolean;
                  "pubkey"?: string;
                  "url"?: string;
                };
                "secret"?: {
                  "name": string;
                  "namespace": string;
                };
                "signatureAlgorithm"?: string;
              };
              "repository"?: string;
              "signatureAlgorithm"?: string;
            }>;
          }>;
          "dryRun"?: {
            "enable"?: boolean;
            "namespace"?: string;
          };
          "ignoreFields"?: Array<{
            "fields"?: Array<string>;
            "objects"?: Array<{
              "group"?: string;
              "kind"?: string;
              "name"?: string;
              "namespace"?: string;
              "version"?: string;
            }>;
          }>;
          "repository"?: string;
        };
        "message"?: string;
        "pattern"?: any;
        "podSecurity"?: {
          "exclude"?: Array<{
            "controlName": "HostProcess" | "Host Namespaces" | "Privileged Containers" | "Capabilities" | "HostPath Volumes" | "Host Ports" | "AppArmor" | "SELinux" | "/proc Mount Type" | "Seccomp" | "Sysctls" | "Volume Types" | "Privilege Escalation" | "Running as Non-root" | "Running as Non-root user";
            "images"?: Array<string>;
            "restrictedField"?: string;
            "values"?: Array<string>;
          }>;
          "level"?: "privileged" | "baseline" | "restricted";
          "version"?: "v1.19" | "v1.20" | "v1.21" | "v1.22" | "v1.23" | "v1.24" | "v1.25" | "v1.26" | "v1.27" | "v1.28" | "v1.29" | "latest";
        };
      };
      "verifyImages"?: Array<{
        "additionalExtensions"?: {
          [key: string]: string;
        };
        "annotations"?: {
          [key: string]: string;
        };
        "attestations"?: Array<{
          "attestors"?: Array<{
            "count"?: number;
            "entries"?: Array<{
              "annotations"?: {
                [key: string]: string;
              };
              "attestor"?: any;
              "certificates"?: {
                "cert"?: string;
                "certChain"?: string;
                "ctlog"?: {
                  "ignoreSCT"?: boolean;
                  "pubkey"?: string;
                  "tsaCertChain"?: string;
                };
                "rekor"?: {
                  "ignoreTlog"?: boolean;
                  "pubkey"?: string;
                  "url"?: string;
                };
              };
              "keyless"?: {
                "additionalExtensions"?: {
                  [key: string]: string;
                };
                "ctlog"?: {
                  "ignoreSCT"?: boolean;
                  "pubkey"?: string;
                  "tsaCertChain"?: string;
                };
                "issuer"?: string;
                "issuerRegExp"?: string;
                "rekor"?: {
                  "ignoreTlog"?: boolean;
                  "pubkey"?: string;
                  "url"?: string;
                };
                "roots"?: string;
                "subject"?: string;
                "subjectRegExp"?: string;
              };
              "keys"?: {
                "ctlog"?: {
                  "ignoreSCT"?: boolean;
                  "pubkey"?: string;
                  "tsaCertChain"?: string;
                };
                "kms"?: string;
                "publicKeys"?: string;
                "rekor"?: {
                  "ignoreTlog"?: boolean;
                  "pubkey"?: string;
                  "url"?: string;
                };
                "secret"?: {
                  "name": string;
                  "namespace": string;
                };
                "signatureAlgorithm"?: string;
              };
              "repository"?: string;
              "signatureAlgorithm"?: string;
            }>;
          }>;
          "conditions"?: Array<{
            "all"?: Array<{
              "key"?: any;
              "message"?: string;
              "operator"?: "Equals" | "NotEquals" | "In" | "AnyIn" | "AllIn" | "NotIn" | "AnyNotIn" | "AllNotIn" | "GreaterThanOrEquals" | "GreaterThan" | "LessThanOrEquals" | "LessThan" | "DurationGreaterThanOrEquals" | "DurationGreaterThan" | "DurationLessThanOrEquals" | "DurationLessThan";
              "value"?: any;
            }>;
            "any"?: Array<{
              "key"?: any;
              "message"?: string;
              "operator"?: "Equals" | "NotEquals" | "In" | "AnyIn" | "AllIn" | "NotIn" | "AnyNotIn" | "AllNotIn" | "GreaterThanOrEquals" | "GreaterThan" | "LessThanOrEquals" | "LessThan" | "DurationGreaterThanOrEquals" | "DurationGreaterThan" | "DurationLessThanOrEquals" | "DurationLessThan";
              "value"?: any;
            }>;
          }>;
          "name"?: string;
          "predicateType"?: string;
          "type"?: string;
        }>;
        "attestors"?: Array<{
          "count"?: number;
          "entries"?: Array<{
            "annotations"?: {
              [key: string]: string;
            };
            "attestor"?: any;
            "certificates"?: {
              "cert"?: string;
              "certChain"?: string;
              "ctlog"?: {
                "ignoreSCT"?: boolean;
                "pubkey"?: string;
                "tsaCertChain"?: string;
              };
              "rekor"?: {
                "ignoreTlog"?: boolean;
                "pubkey"?: string;
                "url"?: string;
              };
            };
            "keyless"?: {
              "additionalExtensions"?: {
                [key: string]: string;
              };
              "ctlog"?: {
                "ignoreSCT"?: boolean;
                "pubkey"?: string;
                "tsaCertChain"?: string;
              };
              "issuer"?: string;
              "issuerRegExp"?: string;
              "rekor"?: {
                "ignoreTlog"?: boolean;
                "pubkey"?: string;
                "url"?: string;
              };
              "roots"?: string;
              "subject"?: string;
              "subjectRegExp"?: string;
            };
            "keys"?: {
              "ctlog"?: {
                "ignoreSCT"?: boolean;
                "pubkey"?: string;
                "tsaCertChain"?: string;
              };
              "kms"?: string;
              "publicKeys"?: string;
              "rekor"?: {
                "ignoreTlog"?: boolean;
                "pubkey"?: string;
                "url"?: string;
              };
              "secret"?: {
                "name": string;
                "namespace": string;
              };
              "signatureAlgorithm"?: string;
            };
            "repository"?: string;
            "signatureAlgorithm"?: string;
          }>;
        }>;
        "cosignOCI11"?: boolean;
        "failureAction"?: "Audit" | "Enforce";
        "image"?: string;
        "imageReferences"?: Array<string>;
        "imageRegistryCredentials"?: {
          "allowInsecureRegistry"?: boolean;
          "providers"?: Array<"default" | "amazon" | "azure" | "google" | "github">;
          "secrets"?: Array<string>;
        };
        "issuer"?: string;
        "key"?: string;
        "mutateDigest"?: boolean;
        "repository"?: string;
        "required"?: boolean;
        "roots"?: string;
        "skipImageReferences"?: Array<string>;
        "subject"?: string;
        "type"?: "Cosign" | "SigstoreBundle" | "Notary";
        "useCache"?: boolean;
        "validate"?: {
          "deny"?: {
            "conditions"?: any;
          };
          "message"?: string;
        };
        "verifyDigest"?: boolean;
      }>;
    }>;
    "schemaValidation"?: boolean;
    "useServerSideApply"?: boolean;
    "validationFailureAction"?: "audit" | "enforce" | "Audit" | "Enforce";
    "validationFailureActionOverrides"?: Array<{
      "action"?: "audit" | "enforce" | "Audit" | "Enforce";
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
    "webhookConfiguration"?: {
      "failurePolicy"?: "Ignore" | "Fail";
      "matchConditions"?: Array<{
        "expression": string;
        "name": string;
      }>;
      "timeoutSeconds"?: number;
    };
    "webhookTimeoutSeconds"?: number;
  };
  "status"?: {
    "autogen"?: {
      "rules"?: Array<{
        "celPreconditions"?: Array<{
          "expression": string;
          "name": string;
        }>;
        "context"?: Array<{
          "apiCall"?: {
            "data"?: Array<{
              "key": string;
              "value": any;
            }>;
            "default"?: any;
            "jmesPath"?: string;
            "method"?: "GET" | "POST";
            "service"?: {
              "caBundle"?: string;
              "headers"?: Array<{
                "key": string;
                "value": string;
              }>;
              "url": string;
            };
            "urlPath"?: string;
          };
          "configMap"?: {
            "name": string;
            "namespace"?: string;
          };
          "globalReference"?: {
            "jmesPath"?: string;
            "name": string;
          };
          "imageRegistry"?: {
            "imageRegistryCredentials"?: {
              "allowInsecureRegistry"?: boolean;
              "providers"?: Array<"default" | "amazon" | "azure" | "google" | "github">;
              "secrets"?: Array<string>;
            };
            "jmesPath"?: string;
            "reference": string;
          };
          "name": string;
          "variable"?: {
            "default"?: any;
            "jmesPath"?: string;
            "value"?: any;
          };
        } & ({
          "apiCall"?: {
            "data"?: Array<{
              "key": string;
              "value": any;
            }>;
            "default"?: any;
            "jmesPath"?: string;
            "method"?: "GET" | "POST";
            "service"?: {
              "caBundle"?: string;
              "headers"?: Array<{
                "key": string;
                "value": string;
              }>;
              "url": string;
            };
            "urlPath"?: string;
          };
          "configMap": {
            "name": string;
            "namespace"?: string;
          };
          "globalReference"?: {
            "jmesPath"?: string;
            "name": string;
          };
          "imageRegistry"?: {
            "imageRegistryCredentials"?: {
              "allowInsecureRegistry"?: boolean;
              "providers"?: Array<"default" | "amazon" | "azure" | "google" | "github">;
              "secrets"?: Array<string>;
            };
            "jmesPath"?: string;
            "reference": string;
          };
          "name"?: string;
          "variable"?: {
            "default"?: any;
            "jmesPath"?: string;
            "value"?: any;
          };
        } | {
          "apiCall": {
            "data"?: Array<{
              "key": string;
              "value": any;
            }>;
            "default"?: any;
            "jmesPath"?: string;
            "method"?: "GET" | "POST";
            "service"?: {
              "caBundle"?: string;
              "headers"?: Array<{
                "key": string;
                "value": string;
              }>;
              "url": string;
            };
            "urlPath"?: string;
          };
          "configMap"?: {
            "name": string;
            "namespace"?: string;
          };
          "globalReference"?: {
            "jmesPath"?: string;
            "name": string;
          };
          "imageRegistry"?: {
            "imageRegistryCredentials"?: {
              "allowInsecureRegistry"?: boolean;
              "providers"?: Array<"default" | "amazon" | "azure" | "google" | "github">;
              "secrets"?: Array<string>;
            };
            "jmesPath"?: string;
            "reference": string;
          };
          "name"?: string;
          "variable"?: {
            "default"?: any;
            "jmesPath"?: string;
            "value"?: any;
          };
        } | {
          "apiCall"?: {
            "data"?: Array<{
              "key": string;
              "value": any;
            }>;
            "default"?: any;
            "jmesPath"?: string;
            "method"?: "GET" | "POST";
            "service"?: {
              "caBundle"?: string;
              "headers"?: Array<{
                "key": string;
                "value": string;
              }>;
              "url": string;
            };
            "urlPath"?: string;
          };
          "configMap"?: {
            "name": string;
            "namespace"?: string;
          };
          "globalReference"?: {
            "jmesPath"?: string;
            "name": string;
          };
          "imageRegistry": {
            "imageRegistryCredentials"?: {
              "allowInsecureRegistry"?: boolean;
              "providers"?: Array<"default" | "amazon" | "azure" | "google" | "github">;
              "secrets"?: Array<string>;
            };
            "jmesPath"?: string;
            "reference": string;
          };
          "name"?: string;
          "variable"?: {
            "default"?: any;
            "jmesPath"?: string;
            "value"?: any;
          };
        } | {
          "apiCall"?: {
            "data"?: Array<{
              "key": string;
              "value": any;
            }>;
            "default"?: any;
            "jmesPath"?: string;
            "method"?: "GET" | "POST";
            "service"?: {
              "caBundle"?: string;
              "headers"?: Array<{
                "key": string;
                "value": string;
              }>;
              "url": string;
            };
            "urlPath"?: string;
          };
          "configMap"?: {
            "name": string;
            "namespace"?: string;
          };
          "globalReference"?: {
            "jmesPath"?: string;
            "name": string;
          };
          "imageRegistry"?: {
            "imageRegistryCredentials"?: {
              "allowInsecureRegistry"?: boolean;
              "providers"?: Array<"default" | "amazon" | "azure" | "google" | "github">;
              "secrets"?: Array<string>;
            };
            "jmesPath"?: string;
            "reference": string;
          };
          "name"?: string;
          "variable": {
            "default"?: any;
            "jmesPath"?: string;
            "value"?: any;
          };
        } | {
          "apiCall"?: {
            "data"?: Array<{
              "key": string;
              "value": any;
            }>;
            "default"?: any;
            "jmesPath"?: string;
            "method"?: "GET" | "POST";
            "service"?: {
              "caBundle"?: string;
              "headers"?: Array<{
                "key": string;
                "value": string;
              }>;
              "url": string;
            };
            "urlPath"?: string;
          };
          "configMap"?: {
            "name": string;
            "namespace"?: string;
          };
          "globalReference": {
            "jmesPath"?: string;
            "name": string;
          };
          "imageRegistry"?: {
            "imageRegistryCredentials"?: {
              "allowInsecureRegistry"?: boolean;
              "providers"?: Array<"default" | "amazon" | "azure" | "google" | "github">;
              "secrets"?: Array<string>;
            };
            "jmesPath"?: string;
            "reference": string;
          };
          "name"?: string;
          "variable"?: {
            "default"?: any;
            "jmesPath"?: string;
            "value"?: any;
          };
        })>;
        "exclude"?: Exclude<{
          "all"?: Array<{
            "clusterRoles"?: Array<string>;
            "resources"?: Exclude<{
              "annotations"?: {
                [key: string]: string;
              };
              "kinds"?: Array<string>;
              "name"?: string;
              "names"?: Array<string>;
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
              "operations"?: Array<"CREATE" | "CONNECT" | "UPDATE" | "DELETE">;
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
            }, {
              "annotations"?: {
                [key: string]: string;
              };
              "kinds"?: Array<string>;
              "name": string;
              "names": Array<string>;
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
              "operations"?: Array<"CREATE" | "CONNECT" | "UPDATE" | "DELETE">;
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
            }>;
            "roles"?: Array<string>;
            "subjects"?: Array<{
              "apiGroup"?: string;
              "kind": string;
              "name": string;
              "namespace"?: string;
            }>;
          }>;
          "any"?: Array<{
            "clusterRoles"?: Array<string>;
            "resources"?: Exclude<{
              "annotations"?: {
                [key: string]: string;
              };
              "kinds"?: Array<string>;
              "name"?: string;
              "names"?: Array<string>;
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
              "operations"?: Array<"CREATE" | "CONNECT" | "UPDATE" | "DELETE">;
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
            }, {
              "annotations"?: {
                [key: string]: string;
              };
              "kinds"?: Array<string>;
              "name": string;
              "names": Array<string>;
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
              "operations"?: Array<"CREATE" | "CONNECT" | "UPDATE" | "DELETE">;
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
            }>;
            "roles"?: Array<string>;
            "subjects"?: Array<{
              "apiGroup"?: string;
              "kind": string;
              "name": string;
              "namespace"?: string;
            }>;
          }>;
          "clusterRoles"?: Array<string>;
          "resources"?: Exclude<{
            "annotations"?: {
              [key: string]: string;
            };
            "kinds"?: Array<string>;
            "name"?: string;
            "names"?: Array<string>;
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
            "operations"?: Array<"CREATE" | "CONNECT" | "UPDATE" | "DELETE">;
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
          }, {
            "annotations"?: {
              [key: string]: string;
            };
            "kinds"?: Array<string>;
            "name": string;
            "names": Array<string>;
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
            "operations"?: Array<"CREATE" | "CONNECT" | "UPDATE" | "DELETE">;
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
          }>;
          "roles"?: Array<string>;
          "subjects"?: Array<{
            "apiGroup"?: string;
            "kind": string;
            "name": string;
            "namespace"?: string;
          }>;
        }, {
          "all": Array<{
            "clusterRoles"?: Array<string>;
            "resources"?: Exclude<{
              "annotations"?: {
                [key: string]: string;
              };
              "kinds"?: Array<string>;
              "name"?: string;
              "names"?: Array<string>;
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
              "operations"?: Array<"CREATE" | "CONNECT" | "UPDATE" | "DELETE">;
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
            }, {
              "annotations"?: {
                [key: string]: string;
              };
              "kinds"?: Array<string>;
              "name": string;
              "names": Array<string>;
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
              "operations"?: Array<"CREATE" | "CONNECT" | "UPDATE" | "DELETE">;
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
            }>;
            "roles"?: Array<string>;
            "subjects"?: Array<{
              "apiGroup"?: string;
              "kind": string;
              "name": string;
              "namespace"?: string;
            }>;
          }>;
          "any": Array<{
            "clusterRoles"?: Array<string>;
            "resources"?: Exclude<{
              "annotations"?: {
                [key: string]: string;
              };
              "kinds"?: Array<string>;
              "name"?: string;
              "names"?: Array<string>;
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
              "operations"?: Array<"CREATE" | "CONNECT" | "UPDATE" | "DELETE">;
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
            }, {
              "annotations"?: {
                [key: string]: string;
              };
              "kinds"?: Array<string>;
              "name": string;
              "names": Array<string>;
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
              "operations"?: Array<"CREATE" | "CONNECT" | "UPDATE" | "DELETE">;
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
            }>;
            "roles"?: Array<string>;
            "subjects"?: Array<{
              "apiGroup"?: string;
              "kind": string;
              "name": string;
              "namespace"?: string;
            }>;
          }>;
          "clusterRoles"?: Array<string>;
          "resources"?: Exclude<{
            "annotations"?: {
              [key: string]: string;
            };
            "kinds"?: Array<string>;
            "name"?: string;
            "names"?: Array<string>;
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
            "operations"?: Array<"CREATE" | "CONNECT" | "UPDATE" | "DELETE">;
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
          }, {
            "annotations"?: {
              [key: string]: string;
            };
            "kinds"?: Array<string>;
            "name": string;
            "names": Array<string>;
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
            "operations"?: Array<"CREATE" | "CONNECT" | "UPDATE" | "DELETE">;
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
          }>;
          "roles"?: Array<string>;
          "subjects"?: Array<{
            "apiGroup"?: string;
            "kind": string;
            "name": string;
            "namespace"?: string;
          }>;
        }>;
        "generate"?: {
          "apiVersion"?: string;
          "clone"?: {
            "name"?: string;
            "namespace"?: string;
          };
          "cloneList"?: {
            "kinds"?: Array<string>;
            "namespace"?: string;
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
          };
          "data"?: any;
          "foreach"?: Array<{
            "apiVersion"?: string;
            "clone"?: {
              "name"?: string;
              "namespace"?: string;
            };
            "cloneList"?: {
              "kinds"?: Array<string>;
              "namespace"?: string;
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
            };
            "context"?: Array<{
              "apiCall"?: {
                "data"?: Array<{
                  "key": string;
                  "value": any;
                }>;
                "default"?: any;
                "jmesPath"?: string;
                "method"?: "GET" | "POST";
                "service"?: {
                  "caBundle"?: string;
                  "headers"?: Array<{
                    "key": string;
                    "value": string;
                  }>;
                  "url": string;
                };
                "urlPath"?: string;
              };
              "configMap"?: {
                "name": string;
                "namespace"?: string;
              };
              "globalReference"?: {
                "jmesPath"?: string;
                "name": string;
              };
              "imageRegistry"?: {
                "imageRegistryCredentials"?: {
                  "allowInsecureRegistry"?: boolean;
                  "providers"?: Array<"default" | "amazon" | "azure" | "google" | "github">;
                  "secrets"?: Array<string>;
                };
                "jmesPath"?: string;
                "reference": string;
              };
              "name": string;
              "variable"?: {
                "default"?: any;
                "jmesPath"?: string;
                "value"?: any;
              };
            } & ({
              "apiCall"?: {
                "data"?: Array<{
                  "key": string;
                  "value": any;
                }>;
                "default"?: any;
                "jmesPath"?: string;
                "method"?: "GET" | "POST";
                "service"?: {
                  "caBundle"?: string;
                  "headers"?: Array<{
                    "key": string;
                    "value": string;
                  }>;
                  "url": string;
                };
                "urlPath"?: string;
              };
              "configMap": {
                "name": string;
                "namespace"?: string;
              };
              "globalReference"?: {
                "jmesPath"?: string;
                "name": string;
              };
              "imageRegistry"?: {
                "imageRegistryCredentials"?: {
                  "allowInsecureRegistry"?: boolean;
                  "providers"?: Array<"default" | "amazon" | "azure" | "google" | "github">;
                  "secrets"?: Array<string>;
                };
                "jmesPath"?: string;
                "reference": string;
              };
              "name"?: string;
              "variable"?: {
                "default"?: any;
                "jmesPath"?: string;
                "value"?: any;
              };
            } | {
              "apiCall": {
                "data"?: Array<{
                  "key": string;
                  "value": any;
                }>;
                "default"?: any;
                "jmesPath"?: string;
                "method"?: "GET" | "POST";
                "service"?: {
                  "caBundle"?: string;
                  "headers"?: Array<{
                    "key": string;
                    "value": string;
                  }>;
                  "url": string;
                };
                "urlPath"?: string;
              };
              "configMap"?: {
                "name": string;
                "namespace"?: string;
              };
              "globalReference"?: {
                "jmesPath"?: string;
                "name": string;
              };
              "imageRegistry"?: {
                "imageRegistryCredentials"?: {
                  "allowInsecureRegistry"?: boolean;
                  "providers"?: Array<"default" | "amazon" | "azure" | "google" | "github">;
                  "secrets"?: Array<string>;
                };
                "jmesPath"?: string;
                "reference": string;
              };
              "name"?: string;
              "variable"?: {
                "default"?: any;
                "jmesPath"?: string;
                "value"?: any;
              };
            } | {
              "apiCall"?: {
                "data"?: Array<{
                  "key": string;
                  "value": any;
                }>;
                "default"?: any;
                "jmesPath"?: string;
                "method"?: "GET" | "POST";
                "service"?: {
                  "caBundle"?: string;
                  "headers"?: Array<{
                    "key": string;
                    "value": string;
                  }>;
                  "url": string;
                };
                "urlPath"?: string;
              };
              "configMap"?: {
                "name": string;
                "namespace"?: string;
              };
              "globalReference"?: {
                "jmesPath"?: string;
                "name": string;
              };
              "imageRegistry": {
                "imageRegistryCredentials"?: {
                  "allowInsecureRegistry"?: boolean;
                  "providers"?: Array<"default" | "amazon" | "azure" | "google" | "github">;
                  "secrets"?: Array<string>;
                };
                "jmesPath"?: string;
                "reference": string;
              };
              "name"?: string;
              "variable"?: {
                "default"?: any;
                "jmesPath"?: string;
                "value"?: any;
              };
            } | {
              "apiCall"?: {
                "data"?: Array<{
                  "key": string;
                  "value": any;
                }>;
                "default"?: any;
                "jmesPath"?: string;
                "method"?: "GET" | "POST";
                "service"?: {
                  "caBundle"?: string;
                  "headers"?: Array<{
                    "key": string;
                    "value": string;
                  }>;
                  "url": string;
                };
                "urlPath"?: string;
              };
              "configMap"?: {
                "name": string;
                "namespace"?: string;
              };
              "globalReference"?: {
                "jmesPath"?: string;
                "name": string;
              };
              "imageRegistry"?: {
                "imageRegistryCredentials"?: {
                  "allowInsecureRegistry"?: boolean;
                  "providers"?: Array<"default" | "amazon" | "azure" | "google" | "github">;
                  "secrets"?: Array<string>;
                };
                "jmesPath"?: string;
                "reference": string;
              };
              "name"?: string;
              "variable": {
                "default"?: any;
                "jmesPath"?: string;
                "value"?: any;
              };
            } | {
              "apiCall"?: {
                "data"?: Array<{
                  "key": string;
                  "value": any;
                }>;
                "default"?: any;
                "jmesPath"?: string;
                "method"?: "GET" | "POST";
                "service"?: {
                  "caBundle"?: string;
                  "headers"?: Array<{
                    "key": string;
                    "value": string;
                  }>;
                  "url": string;
                };
                "urlPath"?: string;
              };
              "configMap"?: {
                "name": string;
                "namespace"?: string;
              };
              "globalReference": {
                "jmesPath"?: string;
                "name": string;
              };
              "imageRegistry"?: {
                "imageRegistryCredentials"?: {
                  "allowInsecureRegistry"?: boolean;
                  "providers"?: Array<"default" | "amazon" | "azure" | "google" | "github">;
                  "secrets"?: Array<string>;
                };
                "jmesPath"?: string;
                "reference": string;
              };
              "name"?: string;
              "variable"?: {
                "default"?: any;
                "jmesPath"?: string;
                "value"?: any;
              };
            })>;
            "data"?: any;
            "kind"?: string;
            "list"?: string;
            "name"?: string;
            "namespace"?: string;
            "preconditions"?: {
              "all"?: Array<{
                "key"?: any;
                "message"?: string;
                "operator"?: "Equals" | "NotEquals" | "In" | "AnyIn" | "AllIn" | "NotIn" | "AnyNotIn" | "AllNotIn" | "GreaterThanOrEquals" | "GreaterThan" | "LessThanOrEquals" | "LessThan" | "DurationGreaterThanOrEquals" | "DurationGreaterThan" | "DurationLessThanOrEquals" | "DurationLessThan";
                "value"?: any;
              }>;
              "any"?: Array<{
                "key"?: any;
                "message"?: string;
                "operator"?: "Equals" | "NotEquals" | "In" | "AnyIn" | "AllIn" | "NotIn" | "AnyNotIn" | "AllNotIn" | "GreaterThanOrEquals" | "GreaterThan" | "LessThanOrEquals" | "LessThan" | "DurationGreaterThanOrEquals" | "DurationGreaterThan" | "DurationLessThanOrEquals" | "DurationLessThan";
                "value"?: any;
              }>;
            };
            "uid"?: string;
          }>;
          "generateExisting"?: boolean;
          "kind"?: string;
          "name"?: string;
          "namespace"?: string;
          "orphanDownstreamOnPolicyDelete"?: boolean;
          "synchronize"?: boolean;
          "uid"?: string;
        };
        "imageExtractors"?: {
          [key: string]: Array<{
            "jmesPath"?: string;
            "key"?: string;
            "name"?: string;
            "path": string;
            "value"?: string;
          }>;
        };
        "match": Exclude<{
          "all"?: Array<{
            "clusterRoles"?: Array<string>;
            "resources"?: Exclude<{
              "annotations"?: {
                [key: string]: string;
              };
              "kinds"?: Array<string>;
              "name"?: string;
              "names"?: Array<string>;
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
              "operations"?: Array<"CREATE" | "CONNECT" | "UPDATE" | "DELETE">;
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
            }, {
              "annotations"?: {
                [key: string]: string;
              };
              "kinds"?: Array<string>;
              "name": string;
              "names": Array<string>;
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
              "operations"?: Array<"CREATE" | "CONNECT" | "UPDATE" | "DELETE">;
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
            }>;
            "roles"?: Array<string>;
            "subjects"?: Array<{
              "apiGroup"?: string;
              "kind": string;
              "name": string;
              "namespace"?: string;
            }>;
          }>;
          "any"?: Array<{
            "clusterRoles"?: Array<string>;
            "resources"?: Exclude<{
              "annotations"?: {
                [key: string]: string;
              };
              "kinds"?: Array<string>;
              "name"?: string;
              "names"?: Array<string>;
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
              "operations"?: Array<"CREATE" | "CONNECT" | "UPDATE" | "DELETE">;
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
            }, {
              "annotations"?: {
                [key: string]: string;
              };
              "kinds"?: Array<string>;
              "name": string;
              "names": Array<string>;
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
              "operations"?: Array<"CREATE" | "CONNECT" | "UPDATE" | "DELETE">;
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
            }>;
            "roles"?: Array<string>;
            "subjects"?: Array<{
              "apiGroup"?: string;
              "kind": string;
              "name": string;
              "namespace"?: string;
            }>;
          }>;
          "clusterRoles"?: Array<string>;
          "resources"?: Exclude<{
            "annotations"?: {
              [key: string]: string;
            };
            "kinds"?: Array<string>;
            "name"?: string;
            "names"?: Array<string>;
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
            "operations"?: Array<"CREATE" | "CONNECT" | "UPDATE" | "DELETE">;
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
          }, {
            "annotations"?: {
              [key: string]: string;
            };
            "kinds"?: Array<string>;
            "name": string;
            "names": Array<string>;
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
            "operations"?: Array<"CREATE" | "CONNECT" | "UPDATE" | "DELETE">;
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
          }>;
          "roles"?: Array<string>;
          "subjects"?: Array<{
            "apiGroup"?: string;
            "kind": string;
            "name": string;
            "namespace"?: string;
          }>;
        }, {
          "all": Array<{
            "clusterRoles"?: Array<string>;
            "resources"?: Exclude<{
              "annotations"?: {
                [key: string]: string;
              };
              "kinds"?: Array<string>;
              "name"?: string;
              "names"?: Array<string>;
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
              "operations"?: Array<"CREATE" | "CONNECT" | "UPDATE" | "DELETE">;
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
            }, {
              "annotations"?: {
                [key: string]: string;
              };
              "kinds"?: Array<string>;
              "name": string;
              "names": Array<string>;
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
              "operations"?: Array<"CREATE" | "CONNECT" | "UPDATE" | "DELETE">;
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
            }>;
            "roles"?: Array<string>;
            "subjects"?: Array<{
              "apiGroup"?: string;
              "kind": string;
              "name": string;
              "namespace"?: string;
            }>;
          }>;
          "any": Array<{
            "clusterRoles"?: Array<string>;
            "resources"?: Exclude<{
              "annotations"?: {
                [key: string]: string;
              };
              "kinds"?: Array<string>;
              "name"?: string;
              "names"?: Array<string>;
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
              "operations"?: Array<"CREATE" | "CONNECT" | "UPDATE" | "DELETE">;
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
            }, {
              "annotations"?: {
                [key: string]: string;
              };
              "kinds"?: Array<string>;
              "name": string;
              "names": Array<string>;
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
              "operations"?: Array<"CREATE" | "CONNECT" | "UPDATE" | "DELETE">;
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
            }>;
            "roles"?: Array<string>;
            "subjects"?: Array<{
              "apiGroup"?: string;
              "kind": string;
              "name": string;
              "namespace"?: string;
            }>;
          }>;
          "clusterRoles"?: Array<string>;
          "resources"?: Exclude<{
            "annotations"?: {
              [key: string]: string;
            };
            "kinds"?: Array<string>;
            "name"?: string;
            "names"?: Array<string>;
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
            "operations"?: Array<"CREATE" | "CONNECT" | "UPDATE" | "DELETE">;
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
          }, {
            "annotations"?: {
              [key: string]: string;
            };
            "kinds"?: Array<string>;
            "name": string;
            "names": Array<string>;
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
            "operations"?: Array<"CREATE" | "CONNECT" | "UPDATE" | "DELETE">;
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
          }>;
          "roles"?: Array<string>;
          "subjects"?: Array<{
            "apiGroup"?: string;
            "kind": string;
            "name": string;
            "namespace"?: string;
          }>;
        }>;
        "mutate"?: {
          "foreach"?: Array<{
            "context"?: Array<{
              "apiCall"?: {
                "data"?: Array<{
                  "key": string;
                  "value": any;
                }>;
                "default"?: any;
                "jmesPath"?: string;
                "method"?: "GET" | "POST";
                "service"?: {
                  "caBundle"?: string;
                  "headers"?: Array<{
                    "key": string;
                    "value": string;
                  }>;
                  "url": string;
                };
                "urlPath"?: string;
              };
              "configMap"?: {
                "name": string;
                "namespace"?: string;
              };
              "globalReference"?: {
                "jmesPath"?: string;
                "name": string;
              };
              "imageRegistry"?: {
                "imageRegistryCredentials"?: {
                  "allowInsecureRegistry"?: boolean;
                  "providers"?: Array<"default" | "amazon" | "azure" | "google" | "github">;
                  "secrets"?: Array<string>;
                };
                "jmesPath"?: string;
                "reference": string;
              };
              "name": string;
              "variable"?: {
                "default"?: any;
                "jmesPath"?: string;
                "value"?: any;
              };
            } & ({
              "apiCall"?: {
                "data"?: Array<{
                  "key": string;
                  "value": any;
                }>;
                "default"?: any;
                "jmesPath"?: string;
                "method"?: "GET" | "POST";
                "service"?: {
                  "caBundle"?: string;
                  "headers"?: Array<{
                    "key": string;
                    "value": string;
                  }>;
                  "url": string;
                };
                "urlPath"?: string;
              };
              "configMap": {
                "name": string;
                "namespace"?: string;
              };
              "globalReference"?: {
                "jmesPath"?: string;
                "name": string;
              };
              "imageRegistry"?: {
                "imageRegistryCredentials"?: {
                  "allowInsecureRegistry"?: boolean;
                  "providers"?: Array<"default" | "amazon" | "azure" | "google" | "github">;
                  "secrets"?: Array<string>;
                };
                "jmesPath"?: string;
                "reference": string;
              };
              "name"?: string;
              "variable"?: {
                "default"?: any;
                "jmesPath"?: string;
                "value"?: any;
              };
            } | {
              "apiCall": {
                "data"?: Array<{
                  "key": string;
                  "value": any;
                }>;
                "default"?: any;
                "jmesPath"?: string;
                "method"?: "GET" | "POST";
                "service"?: {
                  "caBundle"?: string;
                  "headers"?: Array<{
                    "key": string;
                    "value": string;
                  }>;
                  "url": string;
                };
                "urlPath"?: string;
              };
              "configMap"?: {
                "name": string;
                "namespace"?: string;
              };
              "globalReference"?: {
                "jmesPath"?: string;
                "name": string;
              };
              "imageRegistry"?: {
                "imageRegistryCredentials"?: {
                  "allowInsecureRegistry"?: boolean;
                  "providers"?: Array<"default" | "amazon" | "azure" | "google" | "github">;
                  "secrets"?: Array<string>;
                };
                "jmesPath"?: string;
                "reference": string;
              };
              "name"?: string;
              "variable"?: {
                "default"?: any;
                "jmesPath"?: string;
                "value"?: any;
              };
            } | {
              "apiCall"?: {
                "data"?: Array<{
                  "key": string;
                  "value": any;
                }>;
                "default"?: any;
                "jmesPath"?: string;
                "method"?: "GET" | "POST";
                "service"?: {
                  "caBundle"?: string;
                  "headers"?: Array<{
                    "key": string;
                    "value": string;
                  }>;
                  "url": string;
                };
                "urlPath"?: string;
              };
              "configMap"?: {
                "name": string;
                "namespace"?: string;
              };
              "globalReference"?: {
                "jmesPath"?: string;
                "name": string;
              };
              "imageRegistry": {
                "imageRegistryCredentials"?: {
                  "allowInsecureRegistry"?: boolean;
                  "providers"?: Array<"default" | "amazon" | "azure" | "google" | "github">;
                  "secrets"?: Array<string>;
                };
                "jmesPath"?: string;
                "reference": string;
              };
              "name"?: string;
              "variable"?: {
                "default"?: any;
                "jmesPath"?: string;
                "value"?: any;
              };
            } | {
              "apiCall"?: {
                "data"?: Array<{
                  "key": string;
                  "value": any;
                }>;
                "default"?: any;
                "jmesPath"?: string;
                "method"?: "GET" | "POST";
                "service"?: {
                  "caBundle"?: string;
                  "headers"?: Array<{
                    "key": string;
                    "value": string;
                  }>;
                  "url": string;
                };
                "urlPath"?: string;
              };
              "configMap"?: {
                "name": string;
                "namespace"?: string;
              };
              "globalReference"?: {
                "jmesPath"?: string;
                "name": string;
              };
              "imageRegistry"?: {
                "imageRegistryCredentials"?: {
                  "allowInsecureRegistry"?: boolean;
                  "providers"?: Array<"default" | "amazon" | "azure" | "google" | "github">;
                  "secrets"?: Array<string>;
                };
                "jmesPath"?: string;
                "reference": string;
              };
              "name"?: string;
              "variable": {
                "default"?: any;
                "jmesPath"?: string;
                "value"?: any;
              };
            } | {
              "apiCall"?: {
                "data"?: Array<{
                  "key": string;
                  "value": any;
                }>;
                "default"?: any;
                "jmesPath"?: string;
                "method"?: "GET" | "POST";
                "service"?: {
                  "caBundle"?: string;
                  "headers"?: Array<{
                    "key": string;
                    "value": string;
                  }>;
                  "url": string;
                };
                "urlPath"?: string;
              };
              "configMap"?: {
                "name": string;
                "namespace"?: string;
              };
              "globalReference": {
                "jmesPath"?: string;
                "name": string;
              };
              "imageRegistry"?: {
                "imageRegistryCredentials"?: {
                  "allowInsecureRegistry"?: boolean;
                  "providers"?: Array<"default" | "amazon" | "azure" | "google" | "github">;
                  "secrets"?: Array<string>;
                };
                "jmesPath"?: string;
                "reference": string;
              };
              "name"?: string;
              "variable"?: {
                "default"?: any;
                "jmesPath"?: string;
                "value"?: any;
              };
            })>;
            "foreach"?: any;
            "list"?: string;
            "order"?: "Ascending" | "Descending";
            "patchStrategicMerge"?: any;
            "patchesJson6902"?: string;
            "preconditions"?: {
              "all"?: Array<{
                "key"?: any;
                "message"?: string;
                "operator"?: "Equals" | "NotEquals" | "In" | "AnyIn" | "AllIn" | "NotIn" | "AnyNotIn" | "AllNotIn" | "GreaterThanOrEquals" | "GreaterThan" | "LessThanOrEquals" | "LessThan" | "DurationGreaterThanOrEquals" | "DurationGreaterThan" | "DurationLessThanOrEquals" | "DurationLessThan";
                "value"?: any;
              }>;
              "any"?: Array<{
                "key"?: any;
                "message"?: string;
                "operator"?: "Equals" | "NotEquals" | "In" | "AnyIn" | "AllIn" | "NotIn" | "AnyNotIn" | "AllNotIn" | "GreaterThanOrEquals" | "GreaterThan" | "LessThanOrEquals" | "LessThan" | "DurationGreaterThanOrEquals" | "DurationGreaterThan" | "DurationLessThanOrEquals" | "DurationLessThan";
                "value"?: any;
              }>;
            };
          }>;
          "mutateExistingOnPolicyUpdate"?: boolean;
          "patchStrategicMerge"?: any;
          "patchesJson6902"?: string;
          "targets"?: Array<{
            "apiVersion"?: string;
            "context"?: Array<{
              "apiCall"?: {
                "data"?: Array<{
                  "key": string;
                  "value": any;
                }>;
                "default"?: any;
                "jmesPath"?: string;
                "method"?: "GET" | "POST";
                "service"?: {
                  "caBundle"?: string;
                  "headers"?: Array<{
                    "key": string;
                    "value": string;
                  }>;
                  "url": string;
                };
                "urlPath"?: string;
              };
              "configMap"?: {
                "name": string;
                "namespace"?: string;
              };
              "globalReference"?: {
                "jmesPath"?: string;
                "name": string;
              };
              "imageRegistry"?: {
                "imageRegistryCredentials"?: {
                  "allowInsecureRegistry"?: boolean;
                  "providers"?: Array<"default" | "amazon" | "azure" | "google" | "github">;
                  "secrets"?: Array<string>;
                };
                "jmesPath"?: string;
                "reference": string;
              };
              "name": string;
              "variable"?: {
                "default"?: any;
                "jmesPath"?: string;
                "value"?: any;
              };
            } & ({
              "apiCall"?: {
                "data"?: Array<{
                  "key": string;
                  "value": any;
                }>;
                "default"?: any;
                "jmesPath"?: string;
                "method"?: "GET" | "POST";
                "service"?: {
                  "caBundle"?: string;
                  "headers"?: Array<{
                    "key": string;
                    "value": string;
                  }>;
                  "url": string;
                };
                "urlPath"?: string;
              };
              "configMap": {
                "name": string;
                "namespace"?: string;
              };
              "globalReference"?: {
                "jmesPath"?: string;
                "name": string;
              };
              "imageRegistry"?: {
                "imageRegistryCredentials"?: {
                  "allowInsecureRegistry"?: boolean;
                  "providers"?: Array<"default" | "amazon" | "azure" | "google" | "github">;
                  "secrets"?: Array<string>;
                };
                "jmesPath"?: string;
                "reference": string;
              };
              "name"?: string;
              "variable"?: {
                "default"?: any;
                "jmesPath"?: string;
                "value"?: any;
              };
            } | {
              "apiCall": {
                "data"?: Array<{
                  "key": string;
                  "value": any;
                }>;
                "default"?: any;
                "jmesPath"?: string;
                "method"?: "GET" | "POST";
                "service"?: {
                  "caBundle"?: string;
                  "headers"?: Array<{
                    "key": string;
                    "value": string;
                  }>;
                  "url": string;
                };
                "urlPath"?: string;
              };
              "configMap"?: {
                "name": string;
                "namespace"?: string;
              };
              "globalReference"?: {
                "jmesPath"?: string;
                "name": string;
              };
              "imageRegistry"?: {
                "imageRegistryCredentials"?: {
                  "allowInsecureRegistry"?: boolean;
                  "providers"?: Array<"default" | "amazon" | "azure" | "google" | "github">;
                  "secrets"?: Array<string>;
                };
                "jmesPath"?: string;
                "reference": string;
              };
              "name"?: string;
              "variable"?: {
                "default"?: any;
                "jmesPath"?: string;
                "value"?: any;
              };
            } | {
              "apiCall"?: {
                "data"?: Array<{
                  "key": string;
                  "value": any;
                }>;
                "default"?: any;
                "jmesPath"?: string;
                "method"?: "GET" | "POST";
                "service"?: {
                  "caBundle"?: string;
                  "headers"?: Array<{
                    "key": string;
                    "value": string;
                  }>;
                  "url": string;
                };
                "urlPath"?: string;
              };
              "configMap"?: {
                "name": string;
                "namespace"?: string;
              };
              "globalReference"?: {
                "jmesPath"?: string;
                "name": string;
              };
              "imageRegistry": {
                "imageRegistryCredentials"?: {
                  "allowInsecureRegistry"?: boolean;
                  "providers"?: Array<"default" | "amazon" | "azure" | "google" | "github">;
                  "secrets"?: Array<string>;
                };
                "jmesPath"?: string;
                "reference": string;
              };
              "name"?: string;
              "variable"?: {
                "default"?: any;
                "jmesPath"?: string;
                "value"?: any;
              };
            } | {
              "apiCall"?: {
                "data"?: Array<{
                  "key": string;
                  "value": any;
                }>;
                "default"?: any;
                "jmesPath"?: string;
                "method"?: "GET" | "POST";
                "service"?: {
                  "caBundle"?: string;
                  "headers"?: Array<{
                    "key": string;
                    "value": string;
                  }>;
                  "url": string;
                };
                "urlPath"?: string;
              };
              "configMap"?: {
                "name": string;
                "namespace"?: string;
              };
              "globalReference"?: {
                "jmesPath"?: string;
                "name": string;
              };
              "imageRegistry"?: {
                "imageRegistryCredentials"?: {
                  "allowInsecureRegistry"?: boolean;
                  "providers"?: Array<"default" | "amazon" | "azure" | "google" | "github">;
                  "secrets"?: Array<string>;
                };
                "jmesPath"?: string;
                "reference": string;
              };
              "name"?: string;
              "variable": {
                "default"?: any;
                "jmesPath"?: string;
                "value"?: any;
              };
            } | {
              "apiCall"?: {
                "data"?: Array<{
                  "key": string;
                  "value": any;
                }>;
                "default"?: any;
                "jmesPath"?: string;
                "method"?: "GET" | "POST";
                "service"?: {
                  "caBundle"?: string;
                  "headers"?: Array<{
                    "key": string;
                    "value": string;
                  }>;
                  "url": string;
                };
                "urlPath"?: string;
              };
              "configMap"?: {
                "name": string;
                "namespace"?: string;
              };
              "globalReference": {
                "jmesPath"?: string;
                "name": string;
              };
              "imageRegistry"?: {
                "imageRegistryCredentials"?: {
                  "allowInsecureRegistry"?: boolean;
                  "providers"?: Array<"default" | "amazon" | "azure" | "google" | "github">;
                  "secrets"?: Array<string>;
                };
                "jmesPath"?: string;
                "reference": string;
              };
              "name"?: string;
              "variable"?: {
                "default"?: any;
                "jmesPath"?: string;
                "value"?: any;
              };
            })>;
            "kind"?: string;
            "name"?: string;
            "namespace"?: string;
            "preconditions"?: any;
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
            "uid"?: string;
          }>;
        };
        "name": string;
        "preconditions"?: any;
        "reportProperties"?: {
          [key: string]: string;
        };
        "skipBackgroundRequests"?: boolean;
        "validate"?: {
          "allowExistingViolations"?: boolean;
          "anyPattern"?: any;
          "assert"?: {
          };
          "cel"?: {
            "auditAnnotations"?: Array<{
              "key": string;
              "valueExpression": string;
            }>;
            "expressions"?: Array<{
              "expression": string;
              "message"?: string;
              "messageExpression"?: string;
              "reason"?: string;
            }>;
            "generate"?: boolean;
            "paramKind"?: {
              "apiVersion"?: string;
              "kind"?: string;
            };
            "paramRef"?: {
              "name"?: string;
              "namespace"?: string;
              "parameterNotFoundAction"?: string;
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
            };
            "variables"?: Array<{
              "expression": string;
              "name": string;
            }>;
          };
          "deny"?: {
            "conditions"?: any;
          };
          "failureAction"?: "Audit" | "Enforce";
          "failureActionOverrides"?: Array<{
            "action"?: "audit" | "enforce" | "Audit" | "Enforce";
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
          "foreach"?: Array<{
            "anyPattern"?: any;
            "context"?: Array<{
              "apiCall"?: {
                "data"?: Array<{
                  "key": string;
                  "value": any;
                }>;
                "default"?: any;
                "jmesPath"?: string;
                "method"?: "GET" | "POST";
                "service"?: {
                  "caBundle"?: string;
                  "headers"?: Array<{
                    "key": string;
                    "value": string;
                  }>;
                  "url": string;
                };
                "urlPath"?: string;
              };
              "configMap"?: {
                "name": string;
                "namespace"?: string;
              };
              "globalReference"?: {
                "jmesPath"?: string;
                "name": string;
              };
              "imageRegistry"?: {
                "imageRegistryCredentials"?: {
                  "allowInsecureRegistry"?: boolean;
                  "providers"?: Array<"default" | "amazon" | "azure" | "google" | "github">;
                  "secrets"?: Array<string>;
                };
                "jmesPath"?: string;
                "reference": string;
              };
              "name": string;
              "variable"?: {
                "default"?: any;
                "jmesPath"?: string;
                "value"?: any;
              };
            } & ({
              "apiCall"?: {
                "data"?: Array<{
                  "key": string;
                  "value": any;
                }>;
                "default"?: any;
                "jmesPath"?: string;
                "method"?: "GET" | "POST";
                "service"?: {
                  "caBundle"?: string;
                  "headers"?: Array<{
                    "key": string;
                    "value": string;
                  }>;
                  "url": string;
                };
                "urlPath"?: string;
              };
              "configMap": {
                "name": string;
                "namespace"?: string;
              };
              "globalReference"?: {
                "jmesPath"?: string;
                "name": string;
              };
              "imageRegistry"?: {
                "imageRegistryCredentials"?: {
                  "allowInsecureRegistry"?: boolean;
                  "providers"?: Array<"default" | "amazon" | "azure" | "google" | "github">;
                  "secrets"?: Array<string>;
                };
                "jmesPath"?: string;
                "reference": string;
              };
              "name"?: string;
              "variable"?: {
                "default"?: any;
                "jmesPath"?: string;
                "value"?: any;
              };
            } | {
              "apiCall": {
                "data"?: Array<{
                  "key": string;
                  "value": any;
                }>;
                "default"?: any;
                "jmesPath"?: string;
                "method"?: "GET" | "POST";
                "service"?: {
                  "caBundle"?: string;
                  "headers"?: Array<{
                    "key": string;
                    "value": string;
                  }>;
                  "url": string;
                };
                "urlPath"?: string;
              };
              "configMap"?: {
                "name": string;
                "namespace"?: string;
              };
              "globalReference"?: {
                "jmesPath"?: string;
                "name": string;
              };
              "imageRegistry"?: {
                "imageRegistryCredentials"?: {
                  "allowInsecureRegistry"?: boolean;
                  "providers"?: Array<"default" | "amazon" | "azure" | "google" | "github">;
                  "secrets"?: Array<string>;
                };
                "jmesPath"?: string;
                "reference": string;
              };
              "name"?: string;
              "variable"?: {
                "default"?: any;
                "jmesPath"?: string;
                "value"?: any;
              };
            } | {
              "apiCall"?: {
                "data"?: Array<{
                  "key": string;
                  "value": any;
                }>;
                "default"?: any;
                "jmesPath"?: string;
                "method"?: "GET" | "POST";
                "service"?: {
                  "caBundle"?: string;
                  "headers"?: Array<{
                    "key": string;
                    "value": string;
                  }>;
                  "url": string;
                };
                "urlPath"?: string;
              };
              "configMap"?: {
                "name": string;
                "namespace"?: string;
              };
              "globalReference"?: {
                "jmesPath"?: string;
                "name": string;
              };
              "imageRegistry": {
                "imageRegistryCredentials"?: {
                  "allowInsecureRegistry"?: boolean;
                  "providers"?: Array<"default" | "amazon" | "azure" | "google" | "github">;
                  "secrets"?: Array<string>;
                };
                "jmesPath"?: string;
                "reference": string;
              };
              "name"?: string;
              "variable"?: {
                "default"?: any;
                "jmesPath"?: string;
                "value"?: any;
              };
            } | {
              "apiCall"?: {
                "data"?: Array<{
                  "key": string;
                  "value": any;
                }>;
                "default"?: any;
                "jmesPath"?: string;
                "method"?: "GET" | "POST";
                "service"?: {
                  "caBundle"?: string;
                  "headers"?: Array<{
                    "key": string;
                    "value": string;
                  }>;
                  "url": string;
                };
                "urlPath"?: string;
              };
              "configMap"?: {
                "name": string;
                "namespace"?: string;
              };
              "globalReference"?: {
                "jmesPath"?: string;
                "name": string;
              };
              "imageRegistry"?: {
                "imageRegistryCredentials"?: {
                  "allowInsecureRegistry"?: boolean;
                  "providers"?: Array<"default" | "amazon" | "azure" | "google" | "github">;
                  "secrets"?: Array<string>;
                };
                "jmesPath"?: string;
                "reference": string;
              };
              "name"?: string;
              "variable": {
                "default"?: any;
                "jmesPath"?: string;
                "value"?: any;
              };
            } | {
              "apiCall"?: {
                "data"?: Array<{
                  "key": string;
                  "value": any;
                }>;
                "default"?: any;
                "jmesPath"?: string;
                "method"?: "GET" | "POST";
                "service"?: {
                  "caBundle"?: string;
                  "headers"?: Array<{
                    "key": string;
                    "value": string;
                  }>;
                  "url": string;
                };
                "urlPath"?: string;
              };
              "configMap"?: {
                "name": string;
                "namespace"?: string;
              };
              "globalReference": {
                "jmesPath"?: string;
                "name": string;
              };
              "imageRegistry"?: {
                "imageRegistryCredentials"?: {
                  "allowInsecureRegistry"?: boolean;
                  "providers"?: Array<"default" | "amazon" | "azure" | "google" | "github">;
                  "secrets"?: Array<string>;
                };
                "jmesPath"?: string;
                "reference": string;
              };
              "name"?: string;
              "variable"?: {
                "default"?: any;
                "jmesPath"?: string;
                "value"?: any;
              };
            })>;
            "deny"?: {
              "conditions"?: any;
            };
            "elementScope"?: boolean;
            "foreach"?: any;
            "list"?: string;
            "pattern"?: any;
            "preconditions"?: {
              "all"?: Array<{
                "key"?: any;
                "message"?: string;
                "operator"?: "Equals" | "NotEquals" | "In" | "AnyIn" | "AllIn" | "NotIn" | "AnyNotIn" | "AllNotIn" | "GreaterThanOrEquals" | "GreaterThan" | "LessThanOrEquals" | "LessThan" | "DurationGreaterThanOrEquals" | "DurationGreaterThan" | "DurationLessThanOrEquals" | "DurationLessThan";
                "value"?: any;
              }>;
              "any"?: Array<{
                "key"?: any;
                "message"?: string;
                "operator"?: "Equals" | "NotEquals" | "In" | "AnyIn" | "AllIn" | "NotIn" | "AnyNotIn" | "AllNotIn" | "GreaterThanOrEquals" | "GreaterThan" | "LessThanOrEquals" | "LessThan" | "DurationGreaterThanOrEquals" | "DurationGreaterThan" | "DurationLessThanOrEquals" | "DurationLessThan";
                "value"?: any;
              }>;
            };
          }>;
          "manifests"?: {
            "annotationDomain"?: string;
            "attestors"?: Array<{
              "count"?: number;
              "entries"?: Array<{
                "annotations"?: {
                  [key: string]: string;
                };
                "attestor"?: any;
                "certificates"?: {
                  "cert"?: string;
                  "certChain"?: string;
                  "ctlog"?: {
                    "ignoreSCT"?: boolean;
                    "pubkey"?: string;
                    "tsaCertChain"?: string;
                  };
                  "rekor"?: {
                    "ignoreTlog"?: boolean;
                    "pubkey"?: string;
                    "url"?: string;
                  };
                };
                "keyless"?: {
                  "additionalExtensions"?: {
                    [key: string]: string;
                  };
                  "ctlog"?: {
                    "ignoreSCT"?: boolean;
                    "pubkey"?: string;
                    "tsaCertChain"?: string;
                  };
                  "issuer"?: string;
                  "issuerRegExp"?: string;
                  "rekor"?: {
                    "ignoreTlog"?: boolean;
                    "pubkey"?: string;
                    "url"?: string;
                  };
                  "roots"?: string;
                  "subject"?: string;
                  "subjectRegExp"?: string;
                };
                "keys"?: {
                  "ctlog"?: {
                    "ignoreSCT"?: boolean;
                    "pubkey"?: string;
                    "tsaCertChain"?: string;
                  };
                  "kms"?: string;
                  "publicKeys"?: string;
                  "rekor"?: {
                    "ignoreTlog"?: boolean;
                    "pubkey"?: string;
                    "url"?: string;
                  };
                  "secret"?: {
                    "name": string;
                    "namespace": string;
                  };
                  "signatureAlgorithm"?: string;
                };
                "repository"?: string;
                "signatureAlgorithm"?: string;
              }>;
            }>;
            "dryRun"?: {
              "enable"?: boolean;
              "namespace"?: string;
            };
            "ignoreFields"?: Array<{
              "fields"?: Array<string>;
              "objects"?: Array<{
                "group"?: string;
                "kind"?: string;
                "name"?: string;
                "namespace"?: string;
                "version"?: string;
              }>;
            }>;
            "repository"?: string;
          };
          "message"?: string;
          "pattern"?: any;
          "podSecurity"?: {
            "exclude"?: Array<{
              "controlName": "HostProcess" | "Host Namespaces" | "Privileged Containers" | "Capabilities" | "HostPath Volumes" | "Host Ports" | "AppArmor" | "SELinux" | "/proc Mount Type" | "Seccomp" | "Sysctls" | "Volume Types" | "Privilege Escalation" | "Running as Non-root" | "Running as Non-root user";
              "images"?: Array<string>;
              "restrictedField"?: string;
              "values"?: Array<string>;
            }>;
            "level"?: "privileged" | "baseline" | "restricted";
            "version"?: "v1.19" | "v1.20" | "v1.21" | "v1.22" | "v1.23" | "v1.24" | "v1.25" | "v1.26" | "v1.27" | "v1.28" | "v1.29" | "latest";
          };
        };
        "verifyImages"?: Array<{
          "additionalExtensions"?: {
            [key: string]: string;
          };
          "annotations"?: {
            [key: string]: string;
          };
          "attestations"?: Array<{
            "attestors"?: Array<{
              "count"?: number;
              "entries"?: Array<{
                "annotations"?: {
                  [key: string]: string;
                };
                "attestor"?: any;
                "certificates"?: {
                  "cert"?: string;
                  "certChain"?: string;
                  "ctlog"?: {
                    "ignoreSCT"?: boolean;
                    "pubkey"?: string;
                    "tsaCertChain"?: string;
                  };
                  "rekor"?: {
                    "ignoreTlog"?: boolean;
                    "pubkey"?: string;
                    "url"?: string;
                  };
                };
                "keyless"?: {
                  "additionalExtensions"?: {
                    [key: string]: string;
                  };
                  "ctlog"?: {
                    "ignoreSCT"?: boolean;
                    "pubkey"?: string;
                    "tsaCertChain"?: string;
                  };
                  "issuer"?: string;
                  "issuerRegExp"?: string;
                  "rekor"?: {
                    "ignoreTlog"?: boolean;
                    "pubkey"?: string;
                    "url"?: string;
                  };
                  "roots"?: string;
                  "subject"?: string;
                  "subjectRegExp"?: string;
                };
                "keys"?: {
                  "ctlog"?: {
                    "ignoreSCT"?: boolean;
                    "pubkey"?: string;
                    "tsaCertChain"?: string;
                  };
                  "kms"?: string;
                  "publicKeys"?: string;
                  "rekor"?: {
                    "ignoreTlog"?: boolean;
                    "pubkey"?: string;
                    "url"?: string;
                  };
                  "secret"?: {
                    "name": string;
                    "namespace": string;
                  };
                  "signatureAlgorithm"?: string;
                };
                "repository"?: string;
                "signatureAlgorithm"?: string;
              }>;
            }>;
            "conditions"?: Array<{
              "all"?: Array<{
                "key"?: any;
                "message"?: string;
                "operator"?: "Equals" | "NotEquals" | "In" | "AnyIn" | "AllIn" | "NotIn" | "AnyNotIn" | "AllNotIn" | "GreaterThanOrEquals" | "GreaterThan" | "LessThanOrEquals" | "LessThan" | "DurationGreaterThanOrEquals" | "DurationGreaterThan" | "DurationLessThanOrEquals" | "DurationLessThan";
                "value"?: any;
              }>;
              "any"?: Array<{
                "key"?: any;
                "message"?: string;
                "operator"?: "Equals" | "NotEquals" | "In" | "AnyIn" | "AllIn" | "NotIn" | "AnyNotIn" | "AllNotIn" | "GreaterThanOrEquals" | "GreaterThan" | "LessThanOrEquals" | "LessThan" | "DurationGreaterThanOrEquals" | "DurationGreaterThan" | "DurationLessThanOrEquals" | "DurationLessThan";
                "value"?: any;
              }>;
            }>;
            "name"?: string;
            "predicateType"?: string;
            "type"?: string;
          }>;
          "attestors"?: Array<{
            "count"?: number;
            "entries"?: Array<{
              "annotations"?: {
                [key: string]: string;
              };
              "attestor"?: any;
              "certificates"?: {
                "cert"?: string;
                "certChain"?: string;
                "ctlog"?: {
                  "ignoreSCT"?: boolean;
                  "pubkey"?: string;
                  "tsaCertChain"?: string;
                };
                "rekor"?: {
                  "ignoreTlog"?: boolean;
                  "pubkey"?: string;
                  "url"?: string;
                };
              };
              "keyless"?: {
                "additionalExtensions"?: {
                  [key: string]: string;
                };
                "ctlog"?: {
                  "ignoreSCT"?: boolean;
                  "pubkey"?: string;
                  "tsaCertChain"?: string;
                };
                "issuer"?: string;
                "issuerRegExp"?: string;
                "rekor"?: {
                  "ignoreTlog"?: boolean;
                  "pubkey"?: string;
                  "url"?: string;
                };
                "roots"?: string;
                "subject"?: string;
                "subjectRegExp"?: string;
              };
              "keys"?: {
                "ctlog"?: {
                  "ignoreSCT"?: boolean;
                  "pubkey"?: string;
                  "tsaCertChain"?: string;
                };
                "kms"?: string;
                "publicKeys"?: string;
                "rekor"?: {
                  "ignoreTlog"?: boolean;
                  "pubkey"?: string;
                  "url"?: string;
                };
                "secret"?: {
                  "name": string;
                  "namespace": string;
                };
                "signatureAlgorithm"?: string;
              };
              "repository"?: string;
              "signatureAlgorithm"?: string;
            }>;
          }>;
          "cosignOCI11"?: boolean;
          "failureAction"?: "Audit" | "Enforce";
          "image"?: string;
          "imageReferences"?: Array<string>;
          "imageRegistryCredentials"?: {
            "allowInsecureRegistry"?: boolean;
            "providers"?: Array<"default" | "amazon" | "azure" | "google" | "github">;
            "secrets"?: Array<string>;
          };
          "issuer"?: string;
          "key"?: string;
          "mutateDigest"?: boolean;
          "repository"?: string;
          "required"?: boolean;
          "roots"?: string;
          "skipImageReferences"?: Array<string>;
          "subject"?: string;
          "type"?: "Cosign" | "SigstoreBundle" | "Notary";
          "useCache"?: boolean;
          "validate"?: {
            "deny"?: {
              "conditions"?: any;
            };
            "message"?: string;
          };
          "verifyDigest"?: boolean;
        }>;
      }>;
    };
    "conditions"?: Array<{
      "lastTransitionTime": string;
      "message": string;
      "observedGeneration"?: number;
      "reason": string;
      "status": "True" | "False" | "Unknown";
      "type": string;
    }>;
    "ready"?: boolean;
    "rulecount"?: {
      "generate": number;
      "mutate": number;
      "validate": number;
      "verifyimages": number;
    };
    "validatingadmissionpolicy"?: {
      "generated": boolean;
      "message": string;
    };
  };
}

export class ClusterPolicy extends Model<IClusterPolicy> implements IClusterPolicy {
  "apiVersion": IClusterPolicy["apiVersion"];
  "kind": IClusterPolicy["kind"];
  "metadata"?: IClusterPolicy["metadata"];
  "spec": IClusterPolicy["spec"];
  "status"?: IClusterPolicy["status"];

static apiVersion: IClusterPolicy["apiVersion"] = "kyverno.io/v1";
static kind: IClusterPolicy["kind"] = "ClusterPolicy";
static is = createTypeMetaGuard<IClusterPolicy>(ClusterPolicy);

constructor(data?: ModelData<IClusterPolicy>) {
  super();

  this.setDefinedProps({
    apiVersion: ClusterPolicy.apiVersion,
    kind: ClusterPolicy.kind,
    ...data
  } as IClusterPolicy);
}
}


setValidateFunc(ClusterPolicy, validate as ValidateFunc<IClusterPolicy>);
