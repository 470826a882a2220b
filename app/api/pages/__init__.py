"""Pages for browsers (GraphiQL, the API docs), every file they load served by this app: district
networks block CDNs (docs/decisions/0016-offline-assets.md)."""
