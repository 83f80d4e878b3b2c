"""Rule packs: schema, loader and registry."""
