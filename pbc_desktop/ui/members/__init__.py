"""党员: the members tab, the member editor, Excel import/export and 报到领岗."""
