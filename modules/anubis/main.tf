# Anubis: a proof-of-work proxy in front of a public content site without its own login.
# One replica, always: challenges live in the process's memory, so a second replica would
# fail the challenges the first one issued.
#
# Kept as HCL on purpose: it is the migration path for the HCL modules this codebase
# inherits. TypeScript bindings are generated into .gen/ by `npm run get`.

terraform {
  required_providers {
    kubernetes = {
      source = "hashicorp/kubernetes"
    }
  }
}

variable "name" {
  description = "Name of the Anubis Deployment and Service, e.g. blog-anubis."
  type        = string
  validation {
    condition     = can(regex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$", var.name))
    error_message = "The name must be a DNS label."
  }
}

variable "namespace" {
  description = "Namespace of the protected app."
  type        = string
}

variable "target_url" {
  description = "The bare backend Anubis forwards to, e.g. http://blog.blog.svc.cluster.local:80."
  type        = string
}

variable "image" {
  description = "Pinned Anubis image (repository:tag). No default: the one pin is the caller's (constructs/kubernetes-images.ts)."
  type        = string
}

variable "cookie_domain" {
  description = "The parent domain the pass cookie is set on, e.g. example.org: one solve covers every Anubis-fronted subdomain."
  type        = string
}

variable "cookie_expiration" {
  description = "How long a solved challenge's token is valid, as a Go duration, e.g. 720h."
  type        = string
}

variable "signing_key_secret" {
  description = "Name of the Secret (in the namespace) whose ED25519_PRIVATE_KEY_HEX signs the tokens: the key every Anubis shares, so a token from one site is valid on all."
  type        = string
}

variable "difficulty" {
  description = "Proof-of-work difficulty (leading zero nibbles)."
  type        = number
  default     = 4
}

variable "cpu_millis" {
  description = "CPU request in millicores; there is no CPU limit."
  type        = number
  default     = 50
}

variable "memory_mib" {
  description = "Memory request and limit in MiB."
  type        = number
  default     = 128
}

locals {
  labels = {
    "app.kubernetes.io/name"       = var.name
    "app.kubernetes.io/component"  = "anubis"
    "app.kubernetes.io/managed-by" = "terraform"
  }
}

resource "kubernetes_deployment_v1" "anubis" {
  metadata {
    name      = var.name
    namespace = var.namespace
    labels    = local.labels
  }
  spec {
    replicas = 1
    selector {
      match_labels = { "app.kubernetes.io/name" = var.name }
    }
    strategy {
      type = "Recreate"
    }
    template {
      metadata {
        labels = local.labels
      }
      spec {
        container {
          name  = "anubis"
          image = var.image
          port {
            name           = "http"
            container_port = 8923
          }
          env {
            name  = "BIND"
            value = ":8923"
          }
          env {
            name  = "TARGET"
            value = var.target_url
          }
          env {
            name  = "DIFFICULTY"
            value = tostring(var.difficulty)
          }
          env {
            name  = "SERVE_ROBOTS_TXT"
            value = "true"
          }
          env {
            name  = "COOKIE_DOMAIN"
            value = var.cookie_domain
          }
          env {
            name  = "COOKIE_EXPIRATION_TIME"
            value = var.cookie_expiration
          }
          env {
            name = "ED25519_PRIVATE_KEY_HEX"
            value_from {
              secret_key_ref {
                name = var.signing_key_secret
                key  = "ED25519_PRIVATE_KEY_HEX"
              }
            }
          }
          resources {
            requests = {
              cpu    = "${var.cpu_millis}m"
              memory = "${var.memory_mib}Mi"
            }
            limits = {
              memory = "${var.memory_mib}Mi"
            }
          }
        }
      }
    }
  }
  lifecycle {
    # Kyverno injects dns_config into every pod (the cdktf side does this with an aspect).
    ignore_changes = [spec[0].template[0].spec[0].dns_config]
  }
}

resource "kubernetes_service_v1" "anubis" {
  metadata {
    name      = var.name
    namespace = var.namespace
    labels    = local.labels
  }
  spec {
    selector = { "app.kubernetes.io/name" = var.name }
    port {
      name        = "http"
      port        = 8923
      target_port = "http"
    }
  }
}

output "service_name" {
  description = "The Service the ingress routes to."
  value       = kubernetes_service_v1.anubis.metadata[0].name
}

output "service_port" {
  description = "The Service's port."
  value       = 8923
}
