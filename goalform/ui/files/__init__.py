"""The 文件 menu's work: open, save, import, export, print, rollover, summary, compare."""
