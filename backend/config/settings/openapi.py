"""The OpenAPI schema (drf-spectacular): metadata, hooks, enum names, security schemes."""

SPECTACULAR_SETTINGS = {
    "TITLE": "Docket API",
    "DESCRIPTION": (
        "Multi-tenant issue tracker. Errors are RFC 9457 problem details "
        "(`application/problem+json`) with a stable `code`. Lists use keyset pagination: "
        "pass `next_cursor` back as `cursor`."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {
        "RoleEnum": "docket.workspaces.models.Role",
        "PriorityEnum": "docket.issues.models.PRIORITY_API_CHOICES",
        "StateCategoryEnum": "docket.projects.models.StateCategory",
        "TokenScopeEnum": "docket.workspaces.models.TokenScope",
        "ScopeEnum": "docket.core.scopes.Scope",
        "RelationKindEnum": "docket.issues.models.RelationKind",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "docket.http.event_schema.document_event_types",
        "docket.http.error_codes.document_error_codes",
        "docket.http.enum_names.name_enum_values",
        "docket.http.schema.document_rate_limit_headers",
        "docket.http.schema.name_request_components",
        "docket.http.schema_lint.make_implicit_explicit",
    ],
    "SECURITY": [{"jwtAuth": []}],
    "AUTHENTICATION_WHITELIST": [],
    "APPEND_COMPONENTS": {
        "securitySchemes": {
            "jwtAuth": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"},
            # Personal access tokens: operations that accept one list this scheme too.
            "personalToken": {
                "type": "http",
                "scheme": "bearer",
                "bearerFormat": "dkt_pat_",
                "description": (
                    "A personal access token (`Authorization: Bearer dkt_pat_...`): its owner's "
                    "access to one workspace, narrowed to the token's scopes. Each operation "
                    "lists the one scope it needs in its `personalToken` requirement (e.g. "
                    "`issues:read`); without it, 403 `insufficient_scope`. Another workspace "
                    "answers 404, an operation that needs a session 403 `session_required`; a "
                    "revoked or expired token, or one whose owner left the workspace, 401 "
                    "`token_not_valid`."
                ),
            },
        }
    },
}
