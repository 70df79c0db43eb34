"""PBC Desktop (党建共同体工作台): offline workbench for Party-building communities."""

__version__ = "0.1.0"
APP_NAME = "PBC Desktop"
APP_NAME_ZH = "党建共同体工作台"
