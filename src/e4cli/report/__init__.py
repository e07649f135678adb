"""Reporters: they format a CheckResult and compute nothing."""
