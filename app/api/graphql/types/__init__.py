"""The schema's object types, one module per part of the district."""
