"""Reporters: they format a dossier's outcome (its verdict included) and compute nothing."""
