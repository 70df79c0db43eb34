"""The main window and what frames the tabs: backups, recovery, crash, demo set-up."""
