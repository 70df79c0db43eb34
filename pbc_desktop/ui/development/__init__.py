"""发展党员 tab: the pipeline, its steps and printed forms."""
