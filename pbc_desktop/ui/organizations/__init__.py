"""党组织: the organizations tab and editor."""
