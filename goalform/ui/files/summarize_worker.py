"""The worker thread of 汇总文件夹… (:mod:`goalform.ui.files.summarize`): reads the folder's forms and writes
the summary off the GUI thread. Imported when a summary starts, not with the window.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal


def _tr(text: str) -> str:
    return QCoreApplication.translate("SummarizeWorker", text)


class SummarizeWorker(QThread):
    """Reads every .goal under ``folder`` and writes the summary to ``output`` (unless cancelled)."""

    progressed = Signal(int, int, str)  # done, total, file name
    succeeded = Signal(object)  # SummaryRead (nothing written when cancelled or no .goal found)
    failed = Signal(str)  # a Chinese message

    def __init__(self, folder: Path, output: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folder, self.output = folder, output
        self._cancel = False
        self.written = False

    def cancel(self) -> None:
        self._cancel = True  # read between files by summarize_paths

    def run(self) -> None:
        # Imported here: openpyxl and the summary code are not needed to start the window.
        from goalform.domain.errors import UserError, os_error_text
        from goalform.formats.summary_xlsx import write_summary
        from goalform.store.summary_reader import summarize_paths

        try:
            result = summarize_paths([self.folder], exclude=[self.output],
                                     progress=lambda done, total, path: self.progressed.emit(done, total, path.name),
                                     cancelled=lambda: self._cancel)
            if not result.cancelled and result.summaries:
                read = [s.path for s in result.summaries] + [u.path for u in result.unreadable]
                write_summary(self.output, result.summaries, [(u.path, u.reason) for u in result.unreadable],
                              inputs=read)
                self.written = True
        except UserError as e:  # the summary could not be written (full disk, read-only, …): said in Chinese
            self.failed.emit(str(e))
            return
        except OSError as e:
            self.failed.emit(_tr("无法写入汇总表「%1」：%2。").replace("%1", str(self.output))
                             .replace("%2", os_error_text(e)))
            return
        except Exception as e:  # noqa: BLE001 - reported to the user, the window stays up
            self.failed.emit(_tr("汇总失败：%1").replace("%1", f"{type(e).__name__}: {e}"))
            return
        self.succeeded.emit(result)
