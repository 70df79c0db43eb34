"""共同体: the communities tab, the community editor and its life cycle."""
