"""Python generated from ``forms/*.ui`` by ``pyside6-uic`` (see build.py); do not edit."""
