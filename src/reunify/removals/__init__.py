"""Removal plans, the removal gate and supervisors' overrides."""
