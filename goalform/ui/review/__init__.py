"""The reviewer's tools: the 审核 menu and dock, comment dialogs, marks and their undo commands."""
