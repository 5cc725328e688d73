#include "host/api/openapi.h"

#include "hamhub/json.h"
#include "hamhub/version.h"

namespace hamhub::host {

namespace {

// Kept next to the routes it describes (api_routes.cpp); the API test checks that every route
// the server answers is listed here.
constexpr const char* kDocument = R"json({
  "openapi": "3.0.3",
  "info": {
    "title": "hamhub REST API",
    "description": "Sources and their health, incidents, harvest runs, subjects, JDIH documents, scores with explanation and coaching, completeness per region, and alerts of a hamhub integration hub. Tokens have a role (viewer, operator, admin) and may be scoped to a province (Kanwil): such a token sees only that province's data, and asking for another province's answers 403.",
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
      "Me": {
        "type": "object",
        "properties": {"name": {"type": "string"}, "role": {"type": "string", "enum": ["viewer", "operator", "admin"]},
                       "region": {"type": "string", "nullable": true}}
      },
      "Subject": {
        "type": "object",
        "properties": {
          "id": {"type": "string"}, "name": {"type": "string"},
          "kind": {"type": "string", "enum": ["province", "kabkota", "opd", "upt", "ministry"]},
          "parent": {"type": "string", "nullable": true}, "province": {"type": "string"},
          "bps_code": {"type": "string", "nullable": true}, "kanwil": {"type": "string", "nullable": true},
          "aliases": {"type": "array", "items": {"type": "string"}}
        }
      },
      "Document": {
        "type": "object",
        "properties": {
          "source": {"type": "string"}, "key": {"type": "string"}, "subject": {"type": "string"},
          "document_type": {"type": "string", "nullable": true}, "jenis": {"type": "string", "nullable": true},
          "jenis_short": {"type": "string", "nullable": true}, "number": {"type": "string", "nullable": true},
          "year": {"type": "integer", "nullable": true}, "title": {"type": "string"},
          "enacted_on": {"type": "string", "format": "date", "nullable": true},
          "promulgated_on": {"type": "string", "format": "date", "nullable": true},
          "status": {"type": "string", "nullable": true}, "status_original": {"type": "string", "nullable": true},
          "issuing_body": {"type": "string", "nullable": true}, "subjects": {"type": "string", "nullable": true},
          "detail_url": {"type": "string", "nullable": true}, "file_url": {"type": "string", "nullable": true},
          "missing_metadata": {"type": "array", "items": {"type": "string"}}, "withdrawn": {"type": "boolean"}
        }
      },
      "Score": {
        "type": "object",
        "properties": {
          "subject": {"type": "string"}, "name": {"type": "string", "nullable": true}, "instrument": {"type": "string"},
          "version": {"type": "string"}, "period": {"type": "string"}, "total": {"type": "number"},
          "predicate": {"type": "string", "nullable": true}, "predicate_name": {"type": "string", "nullable": true},
          "completeness": {"type": "number", "minimum": 0, "maximum": 1},
          "computed_at": {"type": "string", "format": "date-time"}
        }
      },
      "ScoreExplained": {
        "type": "object",
        "description": "The scorer's whole answer: criteria and indicators (each with points, state, a detail line and its evidence with provenance) are the explanation; coaching.steps is the ranked list of what to send next; history lists every computed score, newest first.",
        "properties": {
          "subject": {"type": "string"}, "instrument": {"type": "string"}, "version": {"type": "string"},
          "legal_basis": {"type": "string"}, "period": {"type": "string"}, "total": {"type": "number"},
          "scale": {"type": "number"}, "predicate": {"type": "string"}, "predicate_name": {"type": "string"},
          "completeness": {"type": "number"},
          "criteria": {"type": "array", "items": {"type": "object"}},
          "indicators": {"type": "array", "items": {"type": "object"}},
          "missing": {"type": "array", "items": {"type": "string"}},
          "coaching": {"type": "object", "properties": {
            "target": {"type": "string"}, "target_name": {"type": "string"}, "target_min": {"type": "number"},
            "reaches_target": {"type": "integer"},
            "steps": {"type": "array", "items": {"type": "object", "properties": {
              "indicator": {"type": "string"}, "gain": {"type": "number"}, "action": {"type": "string"}}}}}},
          "problems": {"type": "array", "items": {"type": "string"}},
          "lang": {"type": "string", "enum": ["id", "en"]},
          "computed_at": {"type": "string", "format": "date-time"},
          "history": {"type": "array", "items": {"type": "object"}}
        }
      },
      "Standing": {
        "type": "object",
        "properties": {
          "instrument": {"type": "string"}, "instrument_name": {"type": "string"}, "version": {"type": "string"},
          "period": {"type": "string"}, "total": {"type": "number"}, "predicate": {"type": "string", "nullable": true},
          "predicate_name": {"type": "string", "nullable": true}, "target_reached": {"type": "boolean"},
          "completeness": {"type": "number", "minimum": 0, "maximum": 1},
          "missing": {"type": "array", "items": {"type": "object", "properties": {
            "indicator": {"type": "string"}, "name": {"type": "string"}, "criterion": {"type": "string"}}}},
          "computed_at": {"type": "string", "format": "date-time"},
          "open_alerts": {"type": "integer", "description": "live alerts of the subject whose kind starts with the instrument"}
        }
      },
      "RegionOverview": {
        "type": "object",
        "properties": {
          "province": {"type": "object", "properties": {"id": {"type": "string"}, "name": {"type": "string"}, "kanwil": {"type": "string", "nullable": true}}},
          "lang": {"type": "string"},
          "alerts_by_severity": {"type": "object", "properties": {"critical": {"type": "integer"}, "warning": {"type": "integer"}, "info": {"type": "integer"}}},
          "subjects": {"type": "array", "description": "the province itself first, then by id", "items": {"type": "object", "properties": {
            "id": {"type": "string"}, "name": {"type": "string"}, "kind": {"type": "string"},
            "instruments": {"type": "array", "items": {"$ref": "#/components/schemas/Standing"}},
            "documents": {"type": "object", "nullable": true, "properties": {
              "documents": {"type": "integer"}, "complete": {"type": "integer"}, "newest_date": {"type": "string", "nullable": true}}},
            "open_alerts": {"type": "integer"}, "critical_alerts": {"type": "integer"}}}}
        }
      },
      "Alert": {
        "type": "object",
        "properties": {
          "id": {"type": "integer"}, "kind": {"type": "string"},
          "severity": {"type": "string", "enum": ["info", "warning", "critical"]},
          "subject": {"type": "string", "nullable": true}, "region": {"type": "string", "nullable": true},
          "source": {"type": "string", "nullable": true},
          "message": {"type": "string", "description": "in the language asked for (lang), Bahasa Indonesia by default"},
          "message_id": {"type": "string"}, "message_en": {"type": "string"}, "details": {"type": "object"},
          "first_seen": {"type": "string", "format": "date-time"}, "last_seen": {"type": "string", "format": "date-time"},
          "state": {"type": "string", "enum": ["open", "acknowledged", "resolved"]},
          "acknowledged_by": {"type": "string", "nullable": true},
          "acknowledged_at": {"type": "string", "format": "date-time", "nullable": true},
          "resolved_at": {"type": "string", "format": "date-time", "nullable": true}
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
      "NotFound": {"description": "no such thing", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
      "Conflict": {"description": "the alert is resolved", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
    },
    "parameters": {
      "region": {"name": "region", "in": "query", "schema": {"type": "string"}, "description": "province code; a scoped token may only name its own"},
      "lang": {"name": "lang", "in": "query", "schema": {"type": "string", "enum": ["id", "en"], "default": "id"}}
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
    "/api/v1/me": {"get": {"summary": "Who the token belongs to: name, role and province",
      "responses": {"200": {"description": "the caller", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Me"}}}},
                    "401": {"$ref": "#/components/responses/Unauthorized"}}}},
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
                    "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthorized"}}}},
    "/api/v1/subjects": {"get": {"summary": "Subjects (provinces, kab/kota, units) of the token's province",
      "parameters": [{"$ref": "#/components/parameters/region"},
                     {"name": "kind", "in": "query", "schema": {"type": "string", "enum": ["province", "kabkota", "opd", "upt", "ministry"]}}],
      "responses": {"200": {"description": "subjects by id", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Subject"}}}}},
                    "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthorized"},
                    "403": {"$ref": "#/components/responses/Forbidden"}}}},
    "/api/v1/subjects/{id}": {"get": {"summary": "One subject (a unit's id holds a slash: 16.71/lapas-x)",
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
      "responses": {"200": {"description": "the subject", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Subject"}}}},
                    "401": {"$ref": "#/components/responses/Unauthorized"}, "403": {"$ref": "#/components/responses/Forbidden"},
                    "404": {"$ref": "#/components/responses/NotFound"}}}},
    "/api/v1/documents": {"get": {"summary": "JDIH legal products, ordered by source and newest promulgation",
      "parameters": [{"name": "source", "in": "query", "schema": {"type": "string"}},
                     {"name": "subject", "in": "query", "schema": {"type": "string"}},
                     {"name": "status", "in": "query", "schema": {"type": "string"}, "description": "normalised status, e.g. berlaku"},
                     {"name": "missing_metadata", "in": "query", "schema": {"type": "boolean"}, "description": "true: only documents lacking mandatory metadata (Permenkumham 8/2019)"},
                     {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 500, "default": 100}},
                     {"name": "offset", "in": "query", "schema": {"type": "integer", "minimum": 0, "default": 0}}],
      "responses": {"200": {"description": "documents", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Document"}}}}},
                    "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthorized"},
                    "403": {"$ref": "#/components/responses/Forbidden"}}}},
    "/api/v1/scores": {"get": {"summary": "Current scores per subject, instrument and period",
      "parameters": [{"name": "instrument", "in": "query", "schema": {"type": "string"}},
                     {"name": "period", "in": "query", "schema": {"type": "string"}},
                     {"name": "subject", "in": "query", "schema": {"type": "string"}},
                     {"$ref": "#/components/parameters/region"}, {"$ref": "#/components/parameters/lang"}],
      "responses": {"200": {"description": "scores by instrument, period and subject", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Score"}}}}},
                    "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthorized"},
                    "403": {"$ref": "#/components/responses/Forbidden"}}}},
    "/api/v1/scores/{subject}/{instrument}/{period}": {"get": {"summary": "One score explained, with its coaching list",
      "parameters": [{"name": "subject", "in": "path", "required": true, "schema": {"type": "string"}},
                     {"name": "instrument", "in": "path", "required": true, "schema": {"type": "string"}},
                     {"name": "period", "in": "path", "required": true, "schema": {"type": "string"}},
                     {"$ref": "#/components/parameters/lang"}],
      "responses": {"200": {"description": "the score", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ScoreExplained"}}}},
                    "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthorized"},
                    "403": {"$ref": "#/components/responses/Forbidden"}, "404": {"$ref": "#/components/responses/NotFound"}}}},
    "/api/v1/regions/{code}/completeness": {"get": {"summary": "The region overview: per subject of the province, score, predicate, completeness, missing indicators and open alerts per instrument, and its JDIH figures",
      "parameters": [{"name": "code", "in": "path", "required": true, "schema": {"type": "string"}, "description": "province code, e.g. 16"},
                     {"name": "instrument", "in": "query", "schema": {"type": "string"}},
                     {"name": "period", "in": "query", "schema": {"type": "string"}, "description": "this period instead of each instrument's newest"},
                     {"$ref": "#/components/parameters/lang"}],
      "responses": {"200": {"description": "the overview", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/RegionOverview"}}}},
                    "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthorized"},
                    "403": {"$ref": "#/components/responses/Forbidden"}, "404": {"$ref": "#/components/responses/NotFound"}}}},
    "/api/v1/alerts": {"get": {"summary": "Alerts of the token's province, newest change first",
      "parameters": [{"$ref": "#/components/parameters/region"},
                     {"name": "subject", "in": "query", "schema": {"type": "string"}},
                     {"name": "state", "in": "query", "schema": {"type": "string", "enum": ["live", "open", "acknowledged", "resolved", "all"], "default": "live"}},
                     {"name": "kind", "in": "query", "schema": {"type": "string"}, "description": "a kind, or a prefix ending in '.' (ranham.)"},
                     {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 1000, "default": 100}},
                     {"$ref": "#/components/parameters/lang"}],
      "responses": {"200": {"description": "alerts", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Alert"}}}}},
                    "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthorized"},
                    "403": {"$ref": "#/components/responses/Forbidden"}}}},
    "/api/v1/alerts/{id}/acknowledge": {"post": {"summary": "Acknowledge an alert (operator or admin): who is the token's name, when is now",
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}}, {"$ref": "#/components/parameters/lang"}],
      "requestBody": {"required": false, "content": {"application/json": {"schema": {"type": "object", "additionalProperties": false,
        "properties": {"note": {"type": "string", "maxLength": 2000, "description": "written to the hub's log with the acknowledgement"}}}}}},
      "responses": {"200": {"description": "the acknowledged alert", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Alert"}}}},
                    "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthorized"},
                    "403": {"$ref": "#/components/responses/Forbidden"}, "404": {"$ref": "#/components/responses/NotFound"},
                    "409": {"$ref": "#/components/responses/Conflict"}}}}
  }
})json";

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
