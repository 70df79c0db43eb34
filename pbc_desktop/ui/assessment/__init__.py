"""考核: the assessment tab, indicator systems and scoring."""
