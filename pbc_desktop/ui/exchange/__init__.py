"""文件 → 数据交换: packages to and from other offices."""
