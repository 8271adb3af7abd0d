"""The HTTP edge, above every app: view bases (Access built once per request, Idempotency-Key on
POST), problem details, conditional requests, middleware, the health and metrics views, the schema
hooks and the URLconf. The apps' api/ packages stand on it; the domain and core never import it."""
