#include "host/api/openapi.h"

#include "hamhub/json.h"
#include "hamhub/version.h"

namespace hamhub::host {

namespace {

// Kept next to the routes it describes (api_routes.cpp); the API test checks that every route
// the server answers is listed here.
constexpr const char* kDocument = R"({
  "openapi": "3.0.3",
  "info": {
    "title": "hamhub REST API",
    "description": "Sources, their health and incidents, and harvest runs of a hamhub integration hub. Tokens are scoped to a province (Kanwil).",
    "version": "1"
  },
  "servers": [{"url": "/"}],
  "components": {
    "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
    "schemas": {
      "Error": {
        "type": "object",
        "properties": {"error": {"type": "object", "properties": {
          "status": {"type": "integer"}, "message": {"type": "string"}}}}
      },
      "Health": {
        "type": "object",
        "properties": {
          "state": {"type": "string", "enum": ["pending", "up", "degraded", "down", "maintenance"]},
          "reason": {"type": "string"}, "detail": {"type": "string", "nullable": true},
          "since": {"type": "string", "format": "date-time"}, "checked_at": {"type": "string", "format": "date-time"},
          "http_status": {"type": "integer", "nullable": true}, "latency_ms": {"type": "integer"},
          "consecutive_failures": {"type": "integer"}, "breaker_open": {"type": "boolean"}
        }
      },
      "Source": {
        "type": "object",
        "properties": {
          "id": {"type": "string"}, "connector": {"type": "string"},
          "subjects": {"type": "array", "items": {"type": "string"}},
          "schedule": {"type": "string"}, "enabled": {"type": "boolean"},
          "description": {"type": "string", "nullable": true},
          "next_run": {"type": "string", "format": "date-time", "nullable": true},
          "harvesting": {"type": "boolean"}, "retry_attempt": {"type": "integer"},
          "health": {"allOf": [{"$ref": "#/components/schemas/Health"}], "nullable": true},
          "uptime_percent": {"type": "object", "additionalProperties": {"type": "number", "nullable": true}}
        }
      },
      "Incident": {
        "type": "object",
        "properties": {
          "id": {"type": "integer"}, "source": {"type": "string"},
          "state": {"type": "string", "enum": ["degraded", "down", "maintenance"]},
          "reason": {"type": "string"}, "detail": {"type": "string", "nullable": true}, "planned": {"type": "boolean"},
          "started_at": {"type": "string", "format": "date-time"},
          "ended_at": {"type": "string", "format": "date-time", "nullable": true}
        }
      },
      "Run": {
        "type": "object",
        "properties": {
          "id": {"type": "integer"}, "source": {"type": "string"},
          "status": {"type": "string", "enum": ["running", "success", "failed", "cancelled", "timed-out"]},
          "started_at": {"type": "string", "format": "date-time"},
          "ended_at": {"type": "string", "format": "date-time", "nullable": true},
          "added": {"type": "integer"}, "updated": {"type": "integer"}, "unchanged": {"type": "integer"},
          "withdrawn": {"type": "integer"}, "failed": {"type": "integer"},
          "error": {"type": "string", "nullable": true}, "error_reason": {"type": "string", "nullable": true}
        }
      }
    },
    "responses": {
      "BadRequest": {"description": "malformed query", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
      "Unauthorized": {"description": "missing or unknown token", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
      "Forbidden": {"description": "another province", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
      "NotFound": {"description": "no such thing", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
    }
  },
  "security": [{"bearer": []}],
  "paths": {
    "/healthz": {"get": {"summary": "The hub's own state: store reachable, scheduler alive", "security": [],
      "responses": {"200": {"description": "healthy"}, "503": {"description": "failing"}}}},
    "/metrics": {"get": {"summary": "Prometheus text format", "security": [],
      "responses": {"200": {"description": "metrics", "content": {"text/plain": {}}}}}},
    "/api/v1/openapi.json": {"get": {"summary": "This document", "security": [],
      "responses": {"200": {"description": "OpenAPI 3.0"}}}},
    "/api/v1/sources": {"get": {"summary": "Sources the token may see, with health, schedule and uptime",
      "responses": {"200": {"description": "sources", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Source"}}}}},
                    "401": {"$ref": "#/components/responses/Unauthorized"}}}},
    "/api/v1/sources/{id}": {"get": {"summary": "One source",
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
      "responses": {"200": {"description": "the source", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Source"}}}},
                    "401": {"$ref": "#/components/responses/Unauthorized"}, "403": {"$ref": "#/components/responses/Forbidden"},
                    "404": {"$ref": "#/components/responses/NotFound"}}}},
    "/api/v1/incidents": {"get": {"summary": "Incidents open at or after a date",
      "parameters": [{"name": "source", "in": "query", "schema": {"type": "string"}},
                     {"name": "since", "in": "query", "schema": {"type": "string", "format": "date"}}],
      "responses": {"200": {"description": "incidents, newest first", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Incident"}}}}},
                    "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthorized"}}}},
    "/api/v1/runs": {"get": {"summary": "Latest harvest runs",
      "parameters": [{"name": "source", "in": "query", "schema": {"type": "string"}},
                     {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 1000, "default": 100}}],
      "responses": {"200": {"description": "runs, newest first", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Run"}}}}},
                    "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthorized"}}}}
  }
})";

}  // namespace

const std::string& openApiDocument() {
  // Parsed and written once so the served text is compact and known to be valid JSON.
  static const std::string kCompact = [] {
    auto parsed = parseJson(kDocument);
    return parsed.isOk() ? toJson(*parsed) : std::string(kDocument);
  }();
  return kCompact;
}

}  // namespace hamhub::host
