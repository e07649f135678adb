"""The rules: one module per finding code; `registry` lists them in order."""
