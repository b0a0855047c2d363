"""Elections: the notice of options a separated parent receives, and the parent's decision."""
